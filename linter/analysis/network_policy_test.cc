// NetworkPolicy semantics, one case per behaviour, each citing the
// Kubernetes documentation (concepts/services-networking/network-policies)
// or the API reference of NetworkPolicySpec it pins down.
#include <doctest/doctest.h>

#include "linter/analysis/namespace_model.h"
#include "linter/analysis/network_policy.h"
#include "linter/lint/lint.h"

namespace launchlint {

namespace {

constexpr std::string_view kSet = R"(
apiVersion: v1
kind: Namespace
metadata: {name: llm, labels: {team: ml}}
---
apiVersion: v1
kind: Namespace
metadata: {name: gateway, labels: {role: gateway}}
---
apiVersion: v1
kind: Pod
metadata: {name: vllm, namespace: llm, labels: {app: vllm}}
spec:
  containers:
  - name: vllm
    image: vllm/vllm-openai:v0.11.0
    ports: [{name: http, containerPort: 8000}, {name: metrics, containerPort: 9090}]
---
apiVersion: v1
kind: Pod
metadata: {name: open, namespace: llm, labels: {app: open}}
spec:
  containers:
  - {name: app, image: "nginx:1.27", ports: [{containerPort: 80}]}
---
apiVersion: v1
kind: Pod
metadata: {name: envoy, namespace: gateway, labels: {app: envoy}}
spec:
  containers:
  - {name: envoy, image: "envoyproxy/envoy:v1.31.0"}
---
apiVersion: v1
kind: Pod
metadata: {name: debug, namespace: gateway, labels: {app: debug}}
spec:
  containers:
  - {name: shell, image: "busybox:1.36"}
---
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: llm, labels: {app: client, restricted: "true"}}
spec:
  containers:
  - {name: shell, image: "busybox:1.36"}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: vllm, namespace: llm}
spec:
  podSelector: {matchLabels: {app: vllm}}
  ingress:
  - from:
    - namespaceSelector: {matchLabels: {role: gateway}}
      podSelector: {matchLabels: {app: envoy}}
    - podSelector: {matchLabels: {app: client}}
    - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
    ports:
    - {port: http}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: client-egress, namespace: llm}
spec:
  podSelector: {matchLabels: {app: client, restricted: "true"}}
  egress:
  - to:
    - podSelector: {matchLabels: {app: vllm}}
    ports:
    - {port: 9000, endPort: 9100}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: debug-egress, namespace: gateway}
spec:
  podSelector: {matchLabels: {app: debug}}
  policyTypes: [Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: envoy-egress, namespace: gateway}
spec:
  podSelector: {matchLabels: {app: envoy}}
  policyTypes: [Egress]
  egress:
  - to:
    - namespaceSelector: {}
)";

struct Case {
  const char* why;
  // Source: "ns/pod" for a pod of the set, "ns:k=v" for labels, or an IP.
  const char* from;
  const char* to;    // pod name in the set, "ns/name"
  const char* port;  // "" any, a number or a name
  bool allowed;
};

std::uint32_t pod_index(const NamespaceModel& model, std::string_view spec) {
  std::size_t slash = spec.find('/');
  const Object* o =
      model.find_object(spec.substr(0, slash), "Pod", spec.substr(slash + 1));
  REQUIRE(o);
  return model.pods_of(*o)[0];
}

}  // namespace

TEST_CASE("NetworkPolicy reachability semantics") {
  LintRun run = lint_texts({{"np.yaml", std::string(kSet)}}, LintOptions{});
  const NamespaceModel& model = *run.namespaces;
  const NetworkPolicyIndex& index = model.network_policies();
  const Case cases[] = {
      {"a pod no policy selects for ingress is not isolated: all ingress "
       "allowed (The Two Sorts of Pod Isolation)",
       "gateway/debug", "llm/open", "", false /* debug's egress is denied */},
      {"an egress-isolated source needs an egress rule: policyTypes [Egress] "
       "with no rules denies all egress (Default deny all egress traffic)",
       "gateway/debug", "llm/open", "80", false},
      {"namespaceSelector and podSelector in one peer are ANDed: envoy pods of "
       "gateway-labelled namespaces (Behavior of to and from selectors)",
       "gateway/envoy", "llm/vllm", "8000", true},
      {"the AND peer does not admit other pods of the gateway namespace",
       "gateway:app=debug", "llm/vllm", "8000", false},
      {"the AND peer does not admit envoy-labelled pods of other namespaces",
       "llm:app=envoy", "llm/vllm", "8000", false},
      {"separate peers are ORed; a podSelector alone means the policy's own "
       "namespace (a client pod without the restricted label: no egress "
       "policy)",
       "llm:app=client", "llm/vllm", "8000", true},
      {"a podSelector alone does not admit the same labels in another "
       "namespace",
       "gateway:app=client", "llm/vllm", "8000", false},
      {"named ports resolve against the destination's container ports: "
       "http = 8000",
       "gateway/envoy", "llm/vllm", "http", true},
      {"a port the rule does not list is denied (9090 is metrics)",
       "gateway/envoy", "llm/vllm", "9090", false},
      {"without --port: some port is reachable", "gateway/envoy", "llm/vllm",
       "", true},
      {"ipBlock admits an address inside the CIDR", "10.2.3.4", "llm/vllm",
       "8000", true},
      {"ipBlock except carves addresses out", "10.1.2.3", "llm/vllm", "8000",
       false},
      {"ipBlock: addresses outside the CIDR are denied", "192.168.1.1",
       "llm/vllm", "8000", false},
      {"traffic needs the source's egress too: client's egress allows only "
       "9000-9100 (endPort)",
       "llm/client", "llm/vllm", "8000", false},
      {"an external address is subject only to the destination's ingress",
       "192.168.1.1", "llm/open", "80", true},
      {"policyTypes omitted with egress rules means Ingress and Egress: "
       "client-egress also isolates client for ingress",
       "gateway:app=anything", "llm/client", "", false},
      {"namespaceSelector {} in an egress rule means every namespace",
       "gateway/envoy", "llm/open", "80", true},
  };
  for (const Case& c : cases) {
    INFO(std::string(c.why));
    Endpoint from;
    std::string_view spec = c.from;
    if (spec.find('/') != std::string_view::npos) {
      from.kind = Endpoint::Kind::Pod;
      from.pod = pod_index(model, spec);
      from.ns = std::string(model.pods()[from.pod].ns());
      from.labels = model.pods()[from.pod].labels;
    } else if (spec.find(':') != std::string_view::npos) {
      from.kind = Endpoint::Kind::Labels;
      std::size_t colon = spec.find(':');
      from.ns = std::string(spec.substr(0, colon));
      std::string_view kv = spec.substr(colon + 1);
      std::size_t eq = kv.find('=');
      from.labels.set(kv.substr(0, eq), kv.substr(eq + 1));
    } else {
      from.kind = Endpoint::Kind::Ip;
      from.ip = c.from;
    }
    PortQuery port;
    std::string_view p = c.port;
    if (!p.empty()) {
      port.any = false;
      if (p[0] >= '0' && p[0] <= '9') {
        port.number = std::stoi(std::string(p));
      } else {
        port.name = std::string(p);
      }
    }
    Reachability r = index.can_reach(from, pod_index(model, c.to), port);
    CHECK(r.allowed == c.allowed);
  }
}

TEST_CASE("policy types and isolation") {
  LintRun run = lint_texts({{"np.yaml", std::string(kSet)}}, LintOptions{});
  const NamespaceModel& model = *run.namespaces;
  const NetworkPolicyIndex& index = model.network_policies();
  auto pod = [&](std::string_view s) { return pod_index(model, s); };
  // A policy selects pods only in its own namespace.
  CHECK(index.ingress_of(pod("llm/vllm")).size() == 1);
  CHECK(index.ingress_of(pod("llm/open")).empty());
  // policyTypes omitted + egress rules: Ingress and Egress.
  CHECK(index.ingress_of(pod("llm/client")).size() == 1);
  CHECK(index.egress_of(pod("llm/client")).size() == 1);
  // policyTypes [Egress]: egress only.
  CHECK(index.ingress_of(pod("gateway/debug")).empty());
  CHECK(index.egress_of(pod("gateway/debug")).size() == 1);
}

TEST_CASE("CIDR containment") {
  CHECK(cidr_contains("10.0.0.0/8", "10.255.1.1"));
  CHECK_FALSE(cidr_contains("10.0.0.0/8", "11.0.0.1"));
  CHECK(cidr_contains("0.0.0.0/0", "8.8.8.8"));
  CHECK(cidr_contains("192.168.1.0/24", "192.168.1.77"));
  CHECK_FALSE(cidr_contains("192.168.1.0/24", "192.168.2.1"));
  CHECK(cidr_contains("fd00::/8", "fd12::1"));
  CHECK_FALSE(cidr_contains("fd00::/8", "10.0.0.1"));  // families differ
  CHECK_FALSE(cidr_contains("10.0.0.0", "10.0.0.1"));  // no prefix
  CHECK_FALSE(cidr_contains("10.0.0.0/8", "not-an-ip"));
}

}  // namespace launchlint
