#include <fmt/format.h>

#include "linter/analysis/gateway.h"
#include "linter/analysis/namespace_model.h"
#include "linter/analysis/network_policy.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext& context, const Object& object, Reporter& out) {
  if (!context.namespaces || !object.is("networking.k8s.io", "NetworkPolicy"))
    return;
  const NetworkPolicyIndex& index = context.namespaces->network_policies();
  const NetworkPolicy* policy = index.policy_of(object);
  if (!policy || !policy->ingress) return;
  // The gateway's own policy admits the world by design.
  const NamespaceInfo* ns = context.namespaces->find(object.id.ns);
  if (ns && selects_gateway_pods(context.settings.gateway, *policy, *ns))
    return;
  for (const NetworkRule& rule : policy->ingress_rules) {
    if (rule.all_peers) {
      out.report(rule.node,
                 fmt::format("this ingress rule of NetworkPolicy {} has no "
                             "`from`, so it admits every pod of every "
                             "namespace and every address; list the peers "
                             "that need it (the gateway's namespace and pods)",
                             object.id.name));
      continue;
    }
    for (const NetworkPeer& peer : rule.peers) {
      if (peer.every_namespace()) {
        out.report(peer.node,
                   fmt::format("namespaceSelector {{}} admits pods of every "
                               "namespace to the pods NetworkPolicy {} "
                               "selects; match the gateway's namespace, e.g. "
                               "by kubernetes.io/metadata.name",
                               object.id.name));
      } else if (peer.every_ip()) {
        out.report(peer.node,
                   fmt::format("ipBlock {} admits every address to the pods "
                               "NetworkPolicy {} selects; narrow it to the "
                               "load balancer's ranges",
                               peer.cidr, object.id.name));
      }
    }
  }
}

}  // namespace

extern const Rule kIngressFromEverywhere = {
    {"SEC105", "ingress-from-everywhere", Area::Security, Severity::Warning,
     "A NetworkPolicy admits ingress from every namespace or every address."},
    check};

}  // namespace launchlint
