#include "linter/model/selectors.h"

#include <doctest/doctest.h>

#include "linter/model/test_model.h"

#include "linter/yaml/parse.h"

namespace launchlint {

TEST_CASE("label selectors match labels") {
  Model m = load_model(R"(apiVersion: v1
kind: ConfigMap
metadata:
  name: c
  labels: {app: vllm, tier: model}
data:
  all: {matchLabels: {app: vllm}, matchExpressions: [{key: tier, operator: In, values: [model, cache]}]}
  wrong-value: {matchLabels: {app: tgi}}
  not-in: {matchExpressions: [{key: tier, operator: NotIn, values: [model]}]}
  exists: {matchExpressions: [{key: tier, operator: Exists}]}
  absent: {matchExpressions: [{key: canary, operator: DoesNotExist}]}
  missing-key: {matchExpressions: [{key: canary, operator: Exists}]}
  empty: {}
)");
  REQUIRE(m.objects.size() == 1);
  NodeRef labels = m.objects[0].labels();
  NodeRef data = m.objects[0].root["data"];
  CHECK(selector_matches(data["all"], labels));
  CHECK_FALSE(selector_matches(data["wrong-value"], labels));
  CHECK_FALSE(selector_matches(data["not-in"], labels));
  CHECK(selector_matches(data["exists"], labels));
  CHECK(selector_matches(data["absent"], labels));
  CHECK_FALSE(selector_matches(data["missing-key"], labels));
  CHECK(selector_matches(data["empty"], labels));
}

TEST_CASE("Service selectors pick pod templates of their namespace") {
  Model m = load_model(R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: a, namespace: llm}
spec:
  template:
    metadata: {labels: {app: vllm, tier: model}}
    spec: {containers: [{name: s, image: vllm/vllm-openai:v0.11.0}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: b, namespace: other}
spec:
  template:
    metadata: {labels: {app: vllm}}
    spec: {containers: [{name: s, image: vllm/vllm-openai:v0.11.0}]}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: selectors}
data:
  app: {app: vllm}
  both: {app: vllm, tier: cache}
  empty: {}
)");
  NodeRef data = m.objects[2].root["data"];
  auto selected = pods_selected_by(m, "llm", data["app"]);
  REQUIRE(selected.size() == 1);
  CHECK(selected[0].object->id.name == "a");
  CHECK(pods_selected_by(m, "llm", data["both"]).empty());
  CHECK(pods_selected_by(m, "llm", data["empty"]).empty());
  CHECK(pods_selected_by(m, "other", data["app"]).size() == 1);
}

}  // namespace launchlint
