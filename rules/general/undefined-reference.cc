#include <set>

#include <fmt/format.h>

#include "linter/analysis/namespace_model.h"
#include "linter/analysis/references.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

// Whether the input manages objects of this kind in the namespace: it
// defines the Namespace, or some object of the kind (or a Secret provider).
bool managed(const NamespaceInfo& ns, RefKind kind) {
  if (ns.declared()) return true;
  switch (kind) {
    case RefKind::Secret:
      return !ns.secrets.empty() || !ns.secret_providers.empty();
    case RefKind::ConfigMap:
      return !ns.config_maps.empty();
    case RefKind::Pvc:
      return !ns.pvcs.empty();
  }
  return false;
}

void check(const LintContext& context, const Object& object, Reporter& out) {
  if (!context.namespaces || object.pods.empty()) return;
  const NamespaceInfo* ns = context.namespaces->find(object.id.ns);
  if (!ns) return;
  std::set<std::pair<RefKind, std::string>> reported;
  // A StatefulSet creates the claims of its volumeClaimTemplates itself.
  std::set<std::string_view> claim_templates;
  NodeRef templates = object.spec()["volumeClaimTemplates"];
  for (std::uint32_t i = 0; i < templates.size(); ++i)
    claim_templates.insert(templates.at(i)["metadata"]["name"].str());
  for (const PodTemplate& pod : object.pods) {
    for (const Reference& ref : pod_references(pod)) {
      if (ref.optional || !managed(*ns, ref.kind)) continue;
      if (ref.kind == RefKind::Pvc && claim_templates.count(ref.name)) continue;
      // Secrets a pod of the set may create at run time count as provided.
      if (ref.kind == RefKind::Secret && ns->pods_create_secrets) continue;
      bool implicit = false;
      if (find_provider(*ns, ref.kind, ref.name, &implicit) || implicit)
        continue;
      if (!reported.insert({ref.kind, ref.name}).second) continue;
      out.report(ref.node,
                 fmt::format("{} uses {} \"{}\", which the input neither "
                             "defines nor provides in namespace {}: its pods "
                             "will not start until it exists; add it (or an "
                             "ExternalSecret/SealedSecret for a Secret), or "
                             "mark the reference optional",
                             object.id.display(), to_string(ref.kind), ref.name,
                             object.id.ns));
    }
  }
}

}  // namespace

extern const Rule kUndefinedReference = {
    {"GEN101", "undefined-reference", Area::General, Severity::Warning,
     "A workload uses a Secret, ConfigMap or PersistentVolumeClaim that the "
     "input neither defines nor provides."},
    check};

}  // namespace launchlint
