#include "linter/review/uses.h"

#include "linter/analysis/references.h"

namespace launchlint {

bool pod_uses(const PodTemplate& pod, std::string_view kind,
              std::string_view name) {
  RefKind want = kind == "Secret"      ? RefKind::Secret
                 : kind == "ConfigMap" ? RefKind::ConfigMap
                                       : RefKind::Pvc;
  for (const Reference& r : pod_references(pod)) {
    if (r.kind == want && r.name == name) return true;
  }
  return false;
}

}  // namespace launchlint
