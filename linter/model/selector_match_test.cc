#include "linter/model/selector_match.h"

#include <doctest/doctest.h>

#include "linter/model/test_model.h"

#include "linter/model/model.h"
#include "linter/yaml/parse.h"

namespace launchlint {

TEST_CASE("label selectors: matchLabels, matchExpressions, empty and missing") {
  Model m = load_model(R"(apiVersion: v1
kind: ConfigMap
metadata: {name: selectors}
data: {}
sel:
  empty: {}
  labels: {matchLabels: {app: a, tier: web}}
  in: {matchExpressions: [{key: tier, operator: In, values: [web, api]}]}
  notin: {matchExpressions: [{key: tier, operator: NotIn, values: [web]}]}
  exists: {matchExpressions: [{key: app, operator: Exists}]}
  absent: {matchExpressions: [{key: gpu, operator: DoesNotExist}]}
  bogus: {matchExpressions: [{key: app, operator: Sometimes}]}
  plain: {app: a}
)");
  REQUIRE(m.objects.size() == 1);
  NodeRef sel = m.objects[0].root["sel"];
  LabelSet labels = {{"app", "a"}, {"tier", "web"}};
  CHECK(label_selector_matches(sel["empty"], labels));
  CHECK(label_selector_matches(sel["labels"], labels));
  CHECK_FALSE(label_selector_matches(sel["labels"], {{"app", "a"}}));
  CHECK(label_selector_matches(sel["in"], labels));
  CHECK_FALSE(label_selector_matches(sel["notin"], labels));
  CHECK(label_selector_matches(sel["notin"], {{"tier", "api"}}));
  CHECK(label_selector_matches(sel["exists"], labels));
  CHECK(label_selector_matches(sel["absent"], labels));
  CHECK_FALSE(label_selector_matches(sel["absent"], {{"gpu", "1"}}));
  CHECK_FALSE(label_selector_matches(sel["bogus"], labels));
  CHECK_FALSE(label_selector_matches(sel["missing"], labels));
  CHECK(map_selector_matches(sel["plain"], labels));
  CHECK_FALSE(map_selector_matches(sel["empty"], labels));
}

TEST_CASE("pod labels, Services, autoscalers across one namespace") {
  Model m = load_model(R"(apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata: {name: lws, namespace: llm}
spec:
  leaderWorkerTemplate:
    leaderTemplate:
      metadata: {labels: {role: leader}}
      spec: {containers: [{name: l, image: vllm/vllm-openai:v0.11.0}]}
---
apiVersion: v1
kind: Service
metadata: {name: s, namespace: llm}
spec:
  selector: {leaderworkerset.sigs.k8s.io/name: lws, role: leader}
---
apiVersion: v1
kind: Service
metadata: {name: other-namespace, namespace: web}
spec:
  selector: {role: leader}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: h, namespace: llm}
spec:
  scaleTargetRef: {kind: LeaderWorkerSet, name: lws}
  minReplicas: 3
)");
  REQUIRE(m.objects.size() == 4);
  const Object& lws = m.objects[0];
  LabelSet labels = pod_labels(lws, lws.pods[0]);
  CHECK(labels.at("leaderworkerset.sigs.k8s.io/name") == "lws");
  std::vector<const Object*> services = services_selecting(m, lws);
  REQUIRE(services.size() == 1);
  CHECK(services[0]->id.name == "s");
  CHECK(autoscaler_of(m, lws) == &m.objects[3]);
  CHECK(least_replicas(m, lws) == 3);
  CHECK(least_replicas(m, m.objects[1]) == 1);
}

}  // namespace launchlint
