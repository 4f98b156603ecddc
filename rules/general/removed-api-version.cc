#include <fmt/format.h>

#include "linter/model/api_versions.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext& context, const Object& object, Reporter& out) {
  const ApiRemoval* r = find_api_removal(object.id.api_version, object.id.kind);
  if (!r || r->removed_minor == 0 ||
      context.settings.kube_minor < r->removed_minor)
    return;
  out.report(object.root["apiVersion"],
             fmt::format("{} {} uses {}, which Kubernetes 1.{} no longer "
                         "serves (removed in 1.{}; target 1.{}): the apply "
                         "fails; migrate to {}",
                         object.id.kind, object.id.name, r->api_version,
                         context.settings.kube_minor, r->removed_minor,
                         context.settings.kube_minor, r->replacement));
}

}  // namespace

extern const Rule kRemovedApiVersion = {
    {"GEN003", "removed-api-version", Area::General, Severity::Error,
     "An object uses an API version the target Kubernetes version no longer "
     "serves."},
    check};

}  // namespace launchlint
