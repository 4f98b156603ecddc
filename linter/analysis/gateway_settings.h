#pragma once

#include <map>
#include <string>
#include <vector>

namespace launchlint {

// Where trusted ingress comes from: the config's `gateway`. A gateway pod
// runs in one of `namespaces` (or a namespace carrying every
// `namespace_labels` pair) and carries every `pod_labels` pair; an empty
// part does not constrain.
struct GatewaySettings {
  std::vector<std::string> namespaces;
  std::map<std::string, std::string> pod_labels;
  std::map<std::string, std::string> namespace_labels;

  bool configured() const {
    return !namespaces.empty() || !pod_labels.empty() ||
           !namespace_labels.empty();
  }
  // "namespace istio-system, pods app=istio-ingressgateway"
  std::string describe() const;
};

}  // namespace launchlint
