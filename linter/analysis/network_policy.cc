#include "linter/analysis/network_policy.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <set>

#include <fmt/format.h>

namespace launchlint {

namespace {

bool parse_int(std::string_view text, int* out) {
  if (text.empty()) return false;
  auto [end, ec] =
      std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && end == text.data() + text.size();
}

// Address bytes and family (4 or 16 bytes); false when malformed.
bool parse_ip(std::string_view text, std::array<unsigned char, 16>* bytes,
              int* size) {
  std::string s(text);
  if (s.find(':') != std::string::npos) {
    *size = 16;
    return inet_pton(AF_INET6, s.c_str(), bytes->data()) == 1;
  }
  *size = 4;
  return inet_pton(AF_INET, s.c_str(), bytes->data()) == 1;
}

int prefix_of(std::string_view cidr) {
  std::size_t slash = cidr.find('/');
  int prefix = -1;
  if (slash == std::string_view::npos ||
      !parse_int(cidr.substr(slash + 1), &prefix))
    return -1;
  return prefix;
}

NetworkRule read_rule(NodeRef rule, std::string_view peers_key) {
  NetworkRule out;
  out.node = rule;
  NodeRef peers = rule[peers_key];
  out.all_peers = peers.size() == 0;
  for (std::uint32_t i = 0; i < peers.size(); ++i) {
    NodeRef p = peers.at(i);
    NetworkPeer peer;
    peer.node = p;
    NodeRef block = p["ipBlock"];
    if (block.is_map()) {
      peer.ip_block = true;
      peer.cidr = std::string(block["cidr"].str());
      NodeRef except = block["except"];
      for (std::uint32_t j = 0; j < except.size(); ++j)
        peer.except.emplace_back(except.at(j).str());
    } else {
      NodeRef pods = p["podSelector"];
      NodeRef namespaces = p["namespaceSelector"];
      peer.has_pods = pods.valid() && !pods.is_null();
      peer.has_namespaces = namespaces.valid() && !namespaces.is_null();
      if (peer.has_pods) peer.pods = parse_label_selector(pods);
      if (peer.has_namespaces)
        peer.namespaces = parse_label_selector(namespaces);
      // A peer with neither selects nothing (the API server rejects it).
      if (!peer.has_pods && !peer.has_namespaces) peer.pods.invalid = true;
      peer.has_pods = peer.has_pods || !peer.has_namespaces;
    }
    out.peers.push_back(std::move(peer));
  }
  NodeRef ports = rule["ports"];
  out.all_ports = ports.size() == 0;
  for (std::uint32_t i = 0; i < ports.size(); ++i) {
    NodeRef p = ports.at(i);
    NetworkPort port;
    port.node = p;
    if (p["protocol"].is_scalar())
      port.protocol = std::string(p["protocol"].str());
    NodeRef number = p["port"];
    if (number.is_scalar()) {
      port.all = false;
      long long n = 0;
      if (!number.quoted() && number.as_int(&n)) {
        port.port = static_cast<int>(n);
      } else {
        port.name = std::string(number.str());
      }
      if (p["endPort"].as_int(&n)) port.end_port = static_cast<int>(n);
    }
    out.ports.push_back(std::move(port));
  }
  return out;
}

NetworkPolicy read_policy(const Object& o) {
  NetworkPolicy p;
  p.object = &o;
  NodeRef spec = o.spec();
  p.pod_selector = parse_label_selector(spec["podSelector"]);
  NodeRef types = spec["policyTypes"];
  if (types.size() > 0) {
    for (std::uint32_t i = 0; i < types.size(); ++i) {
      p.ingress = p.ingress || types.at(i).str() == "Ingress";
      p.egress = p.egress || types.at(i).str() == "Egress";
    }
  } else {
    // Omitted: Ingress always, Egress when the policy has egress rules.
    p.ingress = true;
    p.egress = spec["egress"].size() > 0;
  }
  NodeRef ingress = spec["ingress"];
  for (std::uint32_t i = 0; i < ingress.size(); ++i)
    p.ingress_rules.push_back(read_rule(ingress.at(i), "from"));
  NodeRef egress = spec["egress"];
  for (std::uint32_t i = 0; i < egress.size(); ++i)
    p.egress_rules.push_back(read_rule(egress.at(i), "to"));
  return p;
}

std::string where(const Object& o) {
  return fmt::format("NetworkPolicy {}/{} ({}:{})", o.id.ns, o.id.name,
                     o.file(), o.location().line);
}

std::string describe_port(int port) {
  return port < 0 ? std::string("any other port")
                  : fmt::format("port {}", port);
}

}  // namespace

bool NetworkPeer::every_namespace() const {
  return !ip_block && has_namespaces && namespaces.selects_all() &&
         pods.selects_all();
}

bool NetworkPeer::every_ip() const { return ip_block && prefix_of(cidr) == 0; }

bool cidr_contains(std::string_view cidr, std::string_view ip) {
  std::size_t slash = cidr.find('/');
  int prefix = prefix_of(cidr);
  if (prefix < 0) return false;
  std::array<unsigned char, 16> net{}, addr{};
  int net_size = 0, addr_size = 0;
  if (!parse_ip(cidr.substr(0, slash), &net, &net_size) ||
      !parse_ip(ip, &addr, &addr_size) || net_size != addr_size ||
      prefix > net_size * 8)
    return false;
  for (int bit = 0; bit < prefix; ++bit) {
    int mask = 0x80 >> (bit % 8);
    if ((net[bit / 8] & mask) != (addr[bit / 8] & mask)) return false;
  }
  return true;
}

int named_container_port(const PodTemplate& pod, std::string_view name) {
  for (const Container& c : pod.containers) {
    NodeRef ports = c.node["ports"];
    for (std::uint32_t i = 0; i < ports.size(); ++i) {
      long long n = 0;
      if (ports.at(i)["name"].str() == name &&
          ports.at(i)["containerPort"].as_int(&n))
        return static_cast<int>(n);
    }
  }
  return 0;
}

NetworkPolicyIndex::NetworkPolicyIndex(const NamespaceModel& model)
    : model_(model) {
  ingress_of_.resize(model.pods().size());
  egress_of_.resize(model.pods().size());
  for (const auto& [ns, info] : model.namespaces()) {
    for (const Object* o : info.network_policies) {
      auto index = static_cast<std::uint32_t>(policies_.size());
      by_object_.emplace(o, index);
      policies_.push_back(read_policy(*o));
      const NetworkPolicy& p = policies_.back();
      selected_.push_back(info.pod_index.select(p.pod_selector));
      for (std::uint32_t pod : selected_.back()) {
        if (p.ingress) ingress_of_[pod].push_back(index);
        if (p.egress) egress_of_[pod].push_back(index);
      }
    }
  }
}

const NetworkPolicy* NetworkPolicyIndex::policy_of(const Object& object) const {
  auto it = by_object_.find(&object);
  return it == by_object_.end() ? nullptr : &policies_[it->second];
}

bool NetworkPolicyIndex::peer_matches(const NetworkPolicy& policy,
                                      const NetworkPeer& peer,
                                      const Endpoint& endpoint) const {
  if (peer.ip_block) {
    if (endpoint.kind != Endpoint::Kind::Ip) {
      // Pod addresses are not known offline: only a block covering every
      // address certainly covers them.
      return peer.every_ip();
    }
    if (!cidr_contains(peer.cidr, endpoint.ip)) return false;
    for (const std::string& e : peer.except) {
      if (cidr_contains(e, endpoint.ip)) return false;
    }
    return true;
  }
  if (endpoint.kind == Endpoint::Kind::Ip) return false;
  // Selectors in one peer are ANDed; a podSelector alone means the policy's
  // own namespace.
  if (peer.has_namespaces) {
    if (!peer.namespaces.matches(model_.namespace_labels(endpoint.ns)))
      return false;
  } else if (endpoint.ns != policy.object->id.ns) {
    return false;
  }
  return !peer.has_pods || peer.pods.matches(endpoint.labels);
}

int NetworkPolicyIndex::resolve_port(const NetworkPort& port,
                                     std::uint32_t to) const {
  if (port.name.empty()) return port.port;
  return named_container_port(*model_.pods()[to].pod, port.name);
}

bool NetworkPolicyIndex::port_allowed(const NetworkRule& rule, std::uint32_t to,
                                      int port) const {
  if (rule.all_ports) return true;
  for (const NetworkPort& p : rule.ports) {
    if (p.protocol != "TCP") continue;
    if (p.all) return true;
    if (port < 0) continue;
    int number = resolve_port(p, to);
    if (number == 0) continue;
    if (number == port) return true;
    if (p.end_port > 0 && p.name.empty() && port >= number &&
        port <= p.end_port)
      return true;
  }
  return false;
}

std::vector<std::uint32_t> NetworkPolicyIndex::policies_for(
    const Endpoint& endpoint, bool ingress) const {
  if (endpoint.kind == Endpoint::Kind::Pod)
    return ingress ? ingress_of_[endpoint.pod] : egress_of_[endpoint.pod];
  std::vector<std::uint32_t> out;
  if (endpoint.kind == Endpoint::Kind::Ip) return out;
  for (std::uint32_t i = 0; i < policies_.size(); ++i) {
    const NetworkPolicy& p = policies_[i];
    if (p.object->id.ns != endpoint.ns || !(ingress ? p.ingress : p.egress))
      continue;
    if (p.pod_selector.matches(endpoint.labels)) out.push_back(i);
  }
  return out;
}

bool NetworkPolicyIndex::side_allows(
    const std::vector<std::uint32_t>& isolating, bool ingress,
    const Endpoint& peer, std::uint32_t to, int port, std::string* why) const {
  std::string_view side = ingress ? "ingress" : "egress";
  if (isolating.empty()) {
    *why = fmt::format(
        "{}: not isolated (no NetworkPolicy selects the {} "
        "pods for {})",
        side, ingress ? "destination" : "source", side);
    return true;
  }
  std::vector<std::string> names;
  for (std::uint32_t i : isolating) {
    const NetworkPolicy& p = policies_[i];
    for (const NetworkRule& r : ingress ? p.ingress_rules : p.egress_rules) {
      bool peer_ok = r.all_peers;
      for (const NetworkPeer& q : r.peers) {
        if (peer_ok) break;
        peer_ok = peer_matches(p, q, peer);
      }
      if (peer_ok && port_allowed(r, to, port)) {
        *why =
            fmt::format("{}: allowed on {} by {} rule at line {}", side,
                        describe_port(port), where(*p.object), r.node.line());
        return true;
      }
    }
    names.push_back(where(*p.object));
  }
  *why = fmt::format(
      "{}: denied on {}: isolated by {}, and no {} rule "
      "there admits the {}",
      side, describe_port(port), fmt::join(names, ", "), side,
      ingress ? "source" : "destination");
  return false;
}

Reachability NetworkPolicyIndex::can_reach(const Endpoint& from,
                                           std::uint32_t to,
                                           const PortQuery& query) const {
  Reachability out;
  const PodRef& dest = model_.pods()[to];
  Endpoint to_endpoint;
  to_endpoint.kind = Endpoint::Kind::Pod;
  to_endpoint.pod = to;
  to_endpoint.ns = std::string(dest.ns());
  to_endpoint.labels = dest.labels;
  const std::vector<std::uint32_t>& ingress = ingress_of_[to];
  std::vector<std::uint32_t> egress = policies_for(from, false);

  std::vector<int> candidates;
  if (!query.any) {
    int port = query.number;
    if (!query.name.empty()) {
      port = named_container_port(*dest.pod, query.name);
      if (port == 0) {
        out.notes.push_back(
            fmt::format("no container of {} declares a port named \"{}\"",
                        dest.object->id.display(), query.name));
        return out;
      }
    }
    candidates.push_back(port);
  } else {
    std::set<int> ports;
    for (const Container& c : dest.pod->containers) {
      NodeRef list = c.node["ports"];
      for (std::uint32_t i = 0; i < list.size(); ++i) {
        long long n = 0;
        if (list.at(i)["containerPort"].as_int(&n))
          ports.insert(static_cast<int>(n));
      }
    }
    auto add_rule_ports = [&](const std::vector<std::uint32_t>& list, bool in) {
      for (std::uint32_t i : list) {
        for (const NetworkRule& r :
             in ? policies_[i].ingress_rules : policies_[i].egress_rules) {
          for (const NetworkPort& p : r.ports) {
            int n = resolve_port(p, to);
            if (n > 0) ports.insert(n);
          }
        }
      }
    };
    add_rule_ports(ingress, true);
    add_rule_ports(egress, false);
    candidates.assign(ports.begin(), ports.end());
    candidates.push_back(-1);  // a port no rule names
  }
  std::vector<std::string> first_notes;
  for (int port : candidates) {
    std::string in_why, out_why;
    bool in_ok = side_allows(ingress, true, from, to, port, &in_why);
    bool out_ok = true;
    if (from.kind == Endpoint::Kind::Ip) {
      out_why =
          "egress: the source is outside the cluster (no egress policy "
          "applies)";
    } else {
      out_ok = side_allows(egress, false, to_endpoint, to, port, &out_why);
    }
    if (in_ok && out_ok) {
      out.allowed = true;
      out.port = port > 0 ? port : 0;
      out.notes = {out_why, in_why};
      return out;
    }
    if (first_notes.empty()) first_notes = {out_why, in_why};
  }
  out.notes = std::move(first_notes);
  return out;
}

}  // namespace launchlint
