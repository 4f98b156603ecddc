#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "linter/analysis/label_selector.h"
#include "linter/analysis/namespace_model.h"

namespace launchlint {

struct NetworkPort {
  std::string protocol = "TCP";
  bool all = true;  // no port: every port of the protocol
  int port = 0;
  std::string name;  // a named port, resolved against the destination
  int end_port = 0;  // a range port..end_port
  NodeRef node;
};

struct NetworkPeer {
  bool ip_block = false;
  std::string cidr;
  std::vector<std::string> except;
  bool has_pods = false, has_namespaces = false;
  LabelSelector pods, namespaces;
  NodeRef node;
  // Every pod of every namespace (namespaceSelector {} alone, or with
  // podSelector {}).
  bool every_namespace() const;
  // Every address (ipBlock 0.0.0.0/0 or ::/0).
  bool every_ip() const;
};

struct NetworkRule {
  bool all_peers = true;           // no from/to: every source or destination
  std::vector<NetworkPeer> peers;  // OR of peers
  bool all_ports = true;
  std::vector<NetworkPort> ports;
  NodeRef node;
};

struct NetworkPolicy {
  const Object* object = nullptr;
  LabelSelector pod_selector;
  bool ingress = false, egress = false;  // the effective policyTypes
  std::vector<NetworkRule> ingress_rules, egress_rules;
};

// One end of a connection.
struct Endpoint {
  enum class Kind : std::uint8_t { Pod, Labels, Ip } kind = Kind::Pod;
  std::uint32_t pod = 0;  // Kind::Pod: index into NamespaceModel::pods()
  std::string ns;         // Pod and Labels
  LabelSet labels;        // Pod and Labels
  std::string ip;         // Ip
};

struct PortQuery {
  bool any = true;  // "some port"
  int number = 0;
  std::string name;
};

struct Reachability {
  bool allowed = false;
  int port = 0;  // the port found open when the query named none (0: any)
  std::vector<std::string> notes;  // why, one line each, naming the policies
};

// Which policies isolate which pods, and whether traffic is allowed, with the
// semantics of the NetworkPolicy API.
class NetworkPolicyIndex {
 public:
  explicit NetworkPolicyIndex(const NamespaceModel& model);

  const std::vector<NetworkPolicy>& policies() const { return policies_; }
  const NetworkPolicy* policy_of(const Object& object) const;
  // Policies that select the pod with the Ingress (Egress) type.
  const std::vector<std::uint32_t>& ingress_of(std::uint32_t pod) const {
    return ingress_of_[pod];
  }
  const std::vector<std::uint32_t>& egress_of(std::uint32_t pod) const {
    return egress_of_[pod];
  }
  // Pods a policy selects.
  const std::vector<std::uint32_t>& selected_by(std::uint32_t policy) const {
    return selected_[policy];
  }

  Reachability can_reach(const Endpoint& from, std::uint32_t to,
                         const PortQuery& port) const;

  // Whether `peer` of a rule of `policy` matches the endpoint.
  bool peer_matches(const NetworkPolicy& policy, const NetworkPeer& peer,
                    const Endpoint& endpoint) const;
  // The port number a rule's port entry means at the destination pod; 0 when
  // a named port does not exist there.
  int resolve_port(const NetworkPort& port, std::uint32_t to) const;

  const NamespaceModel& model() const { return model_; }

 private:
  std::vector<std::uint32_t> policies_for(const Endpoint& endpoint,
                                          bool ingress) const;
  bool port_allowed(const NetworkRule& rule, std::uint32_t to, int port) const;
  bool side_allows(const std::vector<std::uint32_t>& isolating, bool ingress,
                   const Endpoint& peer, std::uint32_t to, int port,
                   std::string* why) const;

  const NamespaceModel& model_;
  std::vector<NetworkPolicy> policies_;
  std::unordered_map<const Object*, std::uint32_t> by_object_;
  std::vector<std::vector<std::uint32_t>> selected_;
  std::vector<std::vector<std::uint32_t>> ingress_of_, egress_of_;
};

// Whether an IPv4 or IPv6 address lies in a CIDR; false when either is
// malformed.
bool cidr_contains(std::string_view cidr, std::string_view ip);

// "pod name" ports of a pod template: containerPort by name.
int named_container_port(const PodTemplate& pod, std::string_view name);

}  // namespace launchlint
