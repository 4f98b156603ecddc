#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "linter/analysis/gateway.h"
#include "linter/analysis/namespace_model.h"
#include "linter/analysis/network_policy.h"
#include "linter/model/serving.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext& context, const Object& object, Reporter& out) {
  const GatewaySettings& gateway = context.settings.gateway;
  if (!gateway.configured() || !context.namespaces ||
      !object.is("networking.k8s.io", "NetworkPolicy"))
    return;
  const NetworkPolicyIndex& index = context.namespaces->network_policies();
  const NetworkPolicy* policy = index.policy_of(object);
  const NamespaceInfo* ns = context.namespaces->find(object.id.ns);
  if (!policy || !policy->ingress || !ns ||
      selects_gateway_pods(gateway, *policy, *ns))
    return;
  // The model servers whose pods the policy opens.
  std::vector<const Object*> opened;
  std::vector<RelatedLocation> servers;
  auto number = static_cast<std::uint32_t>(policy - index.policies().data());
  for (std::uint32_t p : index.selected_by(number)) {
    const Object* server = context.namespaces->pods()[p].object;
    if (!is_model_server(*server) ||
        std::find(opened.begin(), opened.end(), server) != opened.end())
      continue;
    opened.push_back(server);
    if (servers.size() < 3) {
      servers.push_back({server->location(),
                         fmt::format("model server {}", server->id.display())});
    }
  }
  if (servers.empty()) return;
  for (const NetworkRule& rule : policy->ingress_rules) {
    if (rule.all_peers) continue;  // ingress-from-everywhere's finding
    for (const NetworkPeer& peer : rule.peers) {
      if (peer.every_namespace() || peer.every_ip()) continue;  // likewise
      std::string why = gateway_bypass(gateway, peer);
      if (why.empty()) continue;
      out.report(peer.node,
                 fmt::format("{}: NetworkPolicy {} lets that traffic reach "
                             "the model server pods it selects; admit only "
                             "the gateway ({})",
                             why, object.id.name, gateway.describe()),
                 servers);
    }
  }
}

}  // namespace

extern const Rule kIngressBypassesGateway = {
    {"SEC108", "ingress-bypasses-gateway", Area::Security, Severity::Warning,
     "A NetworkPolicy admits traffic from outside the namespace to model "
     "servers around the configured gateway."},
    check};

}  // namespace launchlint
