#include <fmt/format.h>

#include "linter/analysis/namespace_model.h"
#include "linter/analysis/network_policy.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext& context, const Object& object, Reporter& out) {
  if (!context.namespaces || object.pods.empty() || object.is_batch()) return;
  const NamespaceModel& model = *context.namespaces;
  const GatewaySettings& gateway = context.settings.gateway;
  const NamespaceInfo* ns = model.find(object.id.ns);
  // Judged where the input owns the namespace's network policy: it defines
  // the Namespace or some NetworkPolicy in it.
  if (!ns || (!ns->declared() && ns->network_policies.empty())) return;
  for (std::uint32_t p : model.pods_of(object)) {
    if (!model.network_policies().ingress_of(p).empty()) continue;
    const PodRef& ref = model.pods()[p];
    NodeRef at =
        ref.pod->metadata.valid() ? ref.pod->metadata : ref.pod->holder;
    std::vector<RelatedLocation> related;
    for (const Object* np : ns->network_policies) {
      if (related.size() >= 3) break;
      related.push_back(
          {np->location(),
           fmt::format("NetworkPolicy {} does not select them", np->id.name)});
    }
    out.report(
        at,
        fmt::format(
            "no ingress NetworkPolicy selects the pods of {}{}: "
            "anything in the cluster can connect to every port; "
            "add a NetworkPolicy whose podSelector matches labels "
            "{} and that admits only the gateway{}",
            object.id.display(),
            ref.pod->role.empty() ? std::string()
                                  : fmt::format(" ({})", ref.pod->role),
            ref.labels.describe().empty() ? "(none)" : ref.labels.describe(),
            gateway.configured() ? fmt::format(" ({})", gateway.describe())
                                 : std::string()),
        std::move(related));
  }
}

}  // namespace

extern const Rule kIngressNotIsolated = {
    {"SEC104", "ingress-not-isolated", Area::Security, Severity::Warning,
     "A serving workload's pods are selected by no ingress NetworkPolicy."},
    check};

}  // namespace launchlint
