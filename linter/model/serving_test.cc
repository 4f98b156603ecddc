#include "linter/model/serving.h"

#include <doctest/doctest.h>

#include "linter/model/model.h"
#include "linter/yaml/parse.h"

namespace launchlint {

namespace {
Model load(std::string_view text) {
  Model m;
  ParsedStream p =
      parse_stream(text, std::make_shared<const std::string>("t.yaml"));
  for (auto& d : p.documents) m.add_document(d, "default");
  m.finish();
  return m;
}
}  // namespace

TEST_CASE("model servers are recognised by image, command and kind") {
  Model m = load(R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: a}
spec:
  template:
    spec:
      containers:
      - name: s
        image: example.com/mirror/vllm-openai:v0.11.0
        args: ["--model", "m", "--tensor-parallel-size=4"]
        resources: {limits: {nvidia.com/gpu: 4}}
---
apiVersion: v1
kind: Pod
metadata: {name: b}
spec:
  containers:
  - name: s
    image: python:3.12
    command: ["sh", "-c", "python -m sglang.launch_server --tp 2 --model-path m"]
---
apiVersion: v1
kind: Pod
metadata: {name: c}
spec:
  containers:
  - name: web
    image: nginx:1.27
---
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: d}
spec:
  predictor:
    model: {modelFormat: {name: huggingface}}
)");
  REQUIRE(m.objects.size() == 4);
  CHECK(object_server(m.objects[0]) == ServerKind::Vllm);
  CHECK(uses_accelerators(m.objects[0]));
  const Container* c = server_container(m.objects[0].pods[0]);
  REQUIRE(c != nullptr);
  CHECK(flag_value(container_words(*c), {"--tensor-parallel-size", "-tp"}) == "4");
  CHECK(object_server(m.objects[1]) == ServerKind::Sglang);
  CHECK(flag_value(container_words(m.objects[1].pods[0].containers[0]),
                   {"--tp", "--tp-size"}) == "2");
  CHECK(object_server(m.objects[2]) == ServerKind::None);
  CHECK_FALSE(uses_accelerators(m.objects[2]));
  CHECK(object_server(m.objects[3]) == ServerKind::Other);
}

}  // namespace launchlint
