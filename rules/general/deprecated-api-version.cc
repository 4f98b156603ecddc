#include <fmt/format.h>

#include "linter/model/api_versions.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext& context, const Object& object, Reporter& out) {
  const ApiRemoval* r = find_api_removal(object.id.api_version, object.id.kind);
  int target = context.settings.kube_minor;
  if (!r || target < r->deprecated_minor ||
      (r->removed_minor != 0 && target >= r->removed_minor))
    return;
  if (r->removed_minor == 0) {
    out.report(
        object.root["apiVersion"],
        fmt::format("{} {} uses {} {}, deprecated since Kubernetes "
                    "1.{}: it still works but gets no new features "
                    "and may be removed; migrate to {}",
                    object.id.kind, object.id.name, r->api_version,
                    object.id.kind, r->deprecated_minor, r->replacement));
    return;
  }
  out.report(
      object.root["apiVersion"],
      fmt::format("{} {} uses {}, deprecated since Kubernetes 1.{} and "
                  "removed in 1.{}: the cluster upgrade breaks it; "
                  "migrate to {}",
                  object.id.kind, object.id.name, r->api_version,
                  r->deprecated_minor, r->removed_minor, r->replacement));
}

}  // namespace

extern const Rule kDeprecatedApiVersion = {
    {"GEN004", "deprecated-api-version", Area::General, Severity::Warning,
     "An object uses an API version that is deprecated in the target "
     "Kubernetes version and removed in a later one."},
    check};

}  // namespace launchlint
