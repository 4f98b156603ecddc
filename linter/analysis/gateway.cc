#include "linter/analysis/gateway.h"

#include <algorithm>

#include <fmt/format.h>

namespace launchlint {

namespace {

constexpr std::string_view kNameLabel = "kubernetes.io/metadata.name";

std::string labels_text(const std::map<std::string, std::string>& labels) {
  std::string out;
  for (const auto& [key, value] : labels) {
    if (!out.empty()) out += ",";
    out += fmt::format("{}={}", key, value);
  }
  return out;
}

// The selector only matches objects whose `key` is one of `allowed`.
bool confines(const LabelSelector& selector, std::string_view key,
              const std::vector<std::string>& allowed) {
  for (const Requirement& r : selector.requirements) {
    if (r.key != key || r.op != SelectorOp::In || r.values.empty()) continue;
    bool within = std::all_of(
        r.values.begin(), r.values.end(), [&](const std::string& v) {
          return std::find(allowed.begin(), allowed.end(), v) != allowed.end();
        });
    if (within) return true;
  }
  return false;
}

// The selector only matches objects carrying every pair of `labels`.
bool requires_all(const LabelSelector& selector,
                  const std::map<std::string, std::string>& labels) {
  return std::all_of(labels.begin(), labels.end(), [&](const auto& pair) {
    return confines(selector, pair.first, {pair.second});
  });
}

bool carries_all(const LabelSet& set,
                 const std::map<std::string, std::string>& labels) {
  return std::all_of(labels.begin(), labels.end(), [&](const auto& pair) {
    const std::string_view* v = set.find(pair.first);
    return v && *v == pair.second;
  });
}

}  // namespace

std::string GatewaySettings::describe() const {
  std::vector<std::string> parts;
  if (!namespaces.empty()) {
    parts.push_back(fmt::format("namespace{} {}",
                                namespaces.size() > 1 ? "s" : "",
                                fmt::join(namespaces, ", ")));
  }
  if (!namespace_labels.empty()) {
    parts.push_back(
        fmt::format("namespaces labelled {}", labels_text(namespace_labels)));
  }
  if (!pod_labels.empty()) {
    parts.push_back(fmt::format("pods {}", labels_text(pod_labels)));
  }
  return fmt::format("{}", fmt::join(parts, "; "));
}

bool is_gateway_namespace(const GatewaySettings& gateway,
                          const NamespaceInfo& ns) {
  if (gateway.namespaces.empty() && gateway.namespace_labels.empty())
    return true;
  if (std::find(gateway.namespaces.begin(), gateway.namespaces.end(),
                ns.name) != gateway.namespaces.end())
    return true;
  return !gateway.namespace_labels.empty() &&
         carries_all(ns.labels, gateway.namespace_labels);
}

bool selects_gateway_pods(const GatewaySettings& gateway,
                          const NetworkPolicy& policy,
                          const NamespaceInfo& ns) {
  if (!gateway.configured() || !is_gateway_namespace(gateway, ns)) return false;
  return gateway.pod_labels.empty() ||
         requires_all(policy.pod_selector, gateway.pod_labels);
}

std::string gateway_bypass(const GatewaySettings& gateway,
                           const NetworkPeer& peer) {
  if (peer.ip_block) {
    return fmt::format(
        "ipBlock {} admits addresses outside the cluster "
        "straight to the pods, around the gateway",
        peer.cidr);
  }
  if (!peer.has_namespaces) return {};
  bool namespace_constrained =
      !gateway.namespaces.empty() || !gateway.namespace_labels.empty();
  if (namespace_constrained) {
    bool by_name = !gateway.namespaces.empty() &&
                   confines(peer.namespaces, kNameLabel, gateway.namespaces);
    bool by_labels = !gateway.namespace_labels.empty() &&
                     requires_all(peer.namespaces, gateway.namespace_labels);
    if (!by_name && !by_labels) {
      std::string which = peer.namespaces.describe();
      return fmt::format(
          "namespaceSelector {} admits namespaces other than "
          "the gateway's",
          which.empty() ? "{}" : which);
    }
  }
  if (!gateway.pod_labels.empty() &&
      (!peer.has_pods || !requires_all(peer.pods, gateway.pod_labels))) {
    return fmt::format(
        "this peer admits {} of the gateway's namespace, not only the gateway "
        "pods ({})",
        peer.has_pods ? fmt::format("pods {}", peer.pods.describe())
                      : std::string("every pod"),
        labels_text(gateway.pod_labels));
  }
  return {};
}

}  // namespace launchlint
