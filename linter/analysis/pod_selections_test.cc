// Who selects which pods: Services (docs: concepts/services-networking/
// service, "Services without selectors"), PodDisruptionBudgets (policy/v1:
// an empty selector selects every pod of the namespace), prometheus-operator
// monitors (namespaceSelector any / matchNames, else their own namespace)
// and Google Managed Prometheus PodMonitoring / ClusterPodMonitoring.
#include "linter/analysis/pod_selections.h"

#include <doctest/doctest.h>

#include <string>

#include "linter/analysis/namespace_model.h"
#include "linter/model/test_model.h"

namespace launchlint {

namespace {

const Object& named(const Model& m, std::string_view kind,
                    std::string_view name) {
  for (const Object& o : m.objects) {
    if (o.id.kind == kind && o.id.name == name) return o;
  }
  FAIL("no ", kind, " ", name);
  return m.objects.front();
}

// "object[role]" for each pod, comma-separated.
std::string pods_text(const NamespaceModel& ns,
                      std::span<const std::uint32_t> pods) {
  std::string out;
  for (std::uint32_t p : pods) {
    const PodRef& ref = ns.pods()[p];
    if (!out.empty()) out += ',';
    out += ref.object->id.name;
    if (!ref.pod->role.empty()) out += "[" + ref.pod->role + "]";
  }
  return out;
}

std::string names(std::span<const Object* const> objects) {
  std::string out;
  for (const Object* o : objects) {
    if (!out.empty()) out += ',';
    out += o->id.name;
  }
  return out;
}

constexpr std::string_view kSet = R"(apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata: {name: lws, namespace: llm}
spec:
  leaderWorkerTemplate:
    leaderTemplate:
      metadata: {labels: {role: leader}}
      spec: {containers: [{name: l, image: vllm/vllm-openai:v0.11.0}]}
    workerTemplate:
      metadata: {labels: {role: worker}}
      spec: {containers: [{name: w, image: vllm/vllm-openai:v0.11.0}]}
---
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: isvc, namespace: llm, labels: {team: ml}}
spec:
  predictor:
    model: {modelFormat: {name: huggingface}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: web}
spec:
  template:
    metadata: {labels: {role: leader, app: web}}
    spec: {containers: [{name: web, image: nginx:1.27}]}
---
apiVersion: v1
kind: Service
metadata: {name: leader, namespace: llm, labels: {scrape: "yes"}}
spec:
  selector: {leaderworkerset.sigs.k8s.io/name: lws, role: leader}
---
apiVersion: v1
kind: Service
metadata: {name: isvc, namespace: llm}
spec:
  selector: {serving.kserve.io/inferenceservice: isvc, component: predictor}
---
apiVersion: v1
kind: Service
metadata: {name: empty, namespace: llm}
spec:
  selector: {}
---
apiVersion: v1
kind: Service
metadata: {name: external, namespace: llm}
spec:
  type: ExternalName
  externalName: example.com
  selector: {role: leader}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: all, namespace: llm}
spec:
  maxUnavailable: 1
  selector: {}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: none, namespace: llm}
spec:
  maxUnavailable: 1
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: team, namespace: llm}
spec:
  maxUnavailable: 1
  selector: {matchLabels: {team: ml}}
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: sm, namespace: monitoring}
spec:
  namespaceSelector: {matchNames: [llm]}
  selector: {matchLabels: {scrape: "yes"}}
  endpoints: [{port: http}]
---
apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata: {name: own, namespace: monitoring}
spec:
  selector: {matchLabels: {role: leader}}
  podMetricsEndpoints: [{port: http}]
---
apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata: {name: any, namespace: monitoring}
spec:
  namespaceSelector: {any: true}
  selector: {matchExpressions: [{key: role, operator: In, values: [leader]}]}
  podMetricsEndpoints: [{port: http}]
---
apiVersion: monitoring.googleapis.com/v1
kind: PodMonitoring
metadata: {name: gmp, namespace: web}
spec:
  selector: {matchLabels: {app: web}}
  endpoints: [{port: http}]
---
apiVersion: monitoring.googleapis.com/v1
kind: ClusterPodMonitoring
metadata: {name: cluster}
spec:
  selector: {matchLabels: {role: worker}}
  endpoints: [{port: http}]
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: h, namespace: llm}
spec:
  scaleTargetRef: {apiVersion: leaderworkerset.x-k8s.io/v1, kind: LeaderWorkerSet, name: lws}
  minReplicas: 3
  maxReplicas: 5
)";

}  // namespace

TEST_CASE("pod labels include what the controller adds") {
  Model m = load_model(kSet);
  const Object& lws = named(m, "LeaderWorkerSet", "lws");
  LabelSet labels = pod_labels(lws, lws.pods[0]);
  REQUIRE(labels.find("leaderworkerset.sigs.k8s.io/name"));
  CHECK(*labels.find("leaderworkerset.sigs.k8s.io/name") == "lws");
  CHECK(*labels.find("role") == "leader");
  const Object& isvc = named(m, "InferenceService", "isvc");
  REQUIRE(isvc.pods.size() == 1);
  labels = pod_labels(isvc, isvc.pods[0]);
  CHECK(labels.describe() ==
        "component=predictor,serving.kserve.io/inferenceservice=isvc,team=ml");
}

TEST_CASE("Services, PDBs and monitors select pods, both ways") {
  Model m = load_model(kSet);
  NamespaceModel ns(m);
  const PodSelections& s = ns.selections();
  auto pods_of = [&](std::string_view kind, std::string_view name) {
    return pods_text(ns, s.pods_of(named(m, kind, name)));
  };
  CHECK(pods_of("Service", "leader") == "lws[leader]");
  CHECK(pods_of("Service", "isvc") == "isvc[predictor]");
  CHECK(pods_of("Service", "empty") == "");     // {} selects nothing
  CHECK(pods_of("Service", "external") == "");  // ExternalName has no pods
  CHECK(pods_of("PodDisruptionBudget", "all") ==
        "lws[leader],lws[worker],isvc[predictor]");
  CHECK(pods_of("PodDisruptionBudget", "none") == "");
  CHECK(pods_of("PodDisruptionBudget", "team") == "isvc[predictor]");
  // Through the Services it selects, in the namespaces it names.
  CHECK(pods_of("ServiceMonitor", "sm") == "lws[leader]");
  CHECK(names(s.services_of(named(m, "ServiceMonitor", "sm"))) == "leader");
  // A monitor without a namespaceSelector watches its own namespace only.
  CHECK(pods_of("PodMonitor", "own") == "");
  CHECK(pods_of("PodMonitor", "any") == "lws[leader],web");
  CHECK(pods_of("PodMonitoring", "gmp") == "web");
  CHECK(pods_of("ClusterPodMonitoring", "cluster") == "lws[worker]");
  CHECK(pods_of("Deployment", "web") == "");  // not a selector

  std::span<const std::uint32_t> lws =
      ns.pods_of(named(m, "LeaderWorkerSet", "lws"));
  REQUIRE(lws.size() == 2);
  CHECK(names(s.selecting(lws[0])) == "leader,all,sm,any");
  CHECK(names(s.selecting(lws[1])) == "all,cluster");
}

TEST_CASE("the autoscaler of a workload sets its fewest replicas") {
  Model m = load_model(kSet);
  NamespaceModel ns(m);
  const Object& lws = named(m, "LeaderWorkerSet", "lws");
  CHECK(ns.selections().autoscaler_of(lws) ==
        &named(m, "HorizontalPodAutoscaler", "h"));
  CHECK(ns.least_replicas(lws) == 3);
  const Object& web = named(m, "Deployment", "web");
  CHECK(ns.selections().autoscaler_of(web) == nullptr);
  CHECK(ns.least_replicas(web) == 1);
}

TEST_CASE("monitors watch their namespaceSelector's namespaces") {
  Model m = load_model(kSet);
  CHECK(monitor_watches_namespace(named(m, "ServiceMonitor", "sm"), "llm"));
  CHECK_FALSE(monitor_watches_namespace(named(m, "ServiceMonitor", "sm"),
                                        "monitoring"));
  CHECK(monitor_watches_namespace(named(m, "PodMonitor", "own"), "monitoring"));
  CHECK(monitor_watches_namespace(named(m, "PodMonitor", "any"), "web"));
  CHECK(monitor_watches_namespace(named(m, "ClusterPodMonitoring", "cluster"),
                                  "anything"));
}

TEST_CASE("InferencePools select pods; KEDA ScaledObjects scale workloads") {
  Model m = load_model(R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: decode, namespace: llm}
spec:
  template:
    metadata: {labels: {app: decode}}
    spec: {containers: [{name: vllm, image: vllm/vllm-openai:v0.11.0}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: both, namespace: llm}
spec:
  template:
    metadata: {labels: {app: both}}
    spec: {containers: [{name: vllm, image: vllm/vllm-openai:v0.11.0}]}
---
apiVersion: inference.networking.k8s.io/v1
kind: InferencePool
metadata: {name: v1, namespace: llm}
spec:
  selector: {matchLabels: {app: decode}}
---
apiVersion: inference.networking.x-k8s.io/v1alpha2
kind: InferencePool
metadata: {name: alpha, namespace: llm}
spec:
  selector: {app: decode}
---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: decode, namespace: llm}
spec:
  scaleTargetRef: {name: decode}
  maxReplicaCount: 4
---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: both, namespace: llm}
spec:
  scaleTargetRef: {name: both}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: both, namespace: llm}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: both}
  minReplicas: 2
  maxReplicas: 6
)");
  NamespaceModel ns(m);
  const PodSelections& s = ns.selections();
  CHECK(pods_text(ns, s.pods_of(named(m, "InferencePool", "v1"))) == "decode");
  CHECK(pods_text(ns, s.pods_of(named(m, "InferencePool", "alpha"))) ==
        "decode");
  const Object& decode = named(m, "Deployment", "decode");
  const Object* keda = s.autoscaler_of(decode);
  REQUIRE(keda != nullptr);
  CHECK(keda->id.kind == "ScaledObject");   // its target kind: Deployment
  CHECK(autoscaler_range(*keda).min == 0);  // KEDA's default
  CHECK(autoscaler_range(*keda).max == 4);
  CHECK(ns.least_replicas(decode) == 0);
  // An HPA and a ScaledObject on one workload: the HPA counts.
  const Object& both = named(m, "Deployment", "both");
  REQUIRE(s.autoscaler_of(both) != nullptr);
  CHECK(s.autoscaler_of(both)->id.kind == "HorizontalPodAutoscaler");
  CHECK(autoscaler_range(*s.autoscaler_of(both)).max == 6);
  CHECK(ns.least_replicas(both) == 2);
}

}  // namespace launchlint
