#pragma once

#include <string>

#include "linter/analysis/gateway_settings.h"
#include "linter/analysis/label_selector.h"
#include "linter/analysis/network_policy.h"

namespace launchlint {

// Whether pods of this namespace may be gateway pods.
bool is_gateway_namespace(const GatewaySettings& gateway,
                          const NamespaceInfo& ns);

// Whether a policy in namespace `ns` protects the gateway itself: the gateway
// admits the world by design.
bool selects_gateway_pods(const GatewaySettings& gateway,
                          const NetworkPolicy& policy, const NamespaceInfo& ns);

// Why a peer of an ingress rule admits sources other than the gateway, or ""
// when it admits only gateway pods. Peers without a namespaceSelector (the
// policy's own namespace) are the serving stack's own hops: never judged.
std::string gateway_bypass(const GatewaySettings& gateway,
                           const NetworkPeer& peer);

}  // namespace launchlint
