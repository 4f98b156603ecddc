#include <fmt/format.h>

#include "linter/analysis/namespace_model.h"
#include "linter/analysis/network_policy.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext& context, const Object& object, Reporter& out) {
  if (!context.namespaces || !object.is("", "Namespace")) return;
  const NamespaceInfo* ns = context.namespaces->find(object.id.name);
  if (!ns || ns->object != &object) return;
  for (const NetworkPolicy& p :
       context.namespaces->network_policies().policies()) {
    // Default deny: every pod selected for ingress, no rule admitting any.
    if (p.object->id.ns == ns->name && p.ingress &&
        p.pod_selector.selects_all() && p.ingress_rules.empty())
      return;
  }
  NodeRef at =
      object.metadata["name"].valid() ? object.metadata["name"] : object.root;
  out.report(
      at, fmt::format("namespace {} has no default-deny ingress "
                      "NetworkPolicy: every pod no other policy selects "
                      "accepts all traffic; add a NetworkPolicy with "
                      "podSelector {{}} and policyTypes [Ingress] and no rules",
                      ns->name));
}

}  // namespace

extern const Rule kNamespaceWithoutDefaultDeny = {
    {"SEC106", "namespace-without-default-deny", Area::Security,
     Severity::Warning,
     "A namespace the input defines has no default-deny ingress "
     "NetworkPolicy."},
    check};

}  // namespace launchlint
