#include "linter/model/serving.h"

#include <doctest/doctest.h>

#include "linter/model/test_model.h"

#include "linter/model/model.h"
#include "linter/yaml/parse.h"

namespace launchlint {

TEST_CASE("model servers are recognised by image, command and kind") {
  Model m = load_model(R"(apiVersion: apps/v1
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

TEST_CASE("server ports, metrics, tracing and hub models per server kind") {
  Model m = load_model(R"yaml(apiVersion: v1
kind: Pod
metadata: {name: a}
spec:
  containers:
  - name: vllm
    image: vllm/vllm-openai:v0.11.0
    command: ["vllm", "serve"]
    args: ["Qwen/Qwen2.5-7B", "--port=9000", "--disable-log-stats",
           "--otlp-traces-endpoint", "grpc://c:4317", "--download-dir", "/w"]
  - name: tgi
    image: ghcr.io/huggingface/text-generation-inference:3.0.1
    args: ["--model-id=$(MODEL)"]
    env:
    - {name: MODEL, value: google/gemma-2b}
    - {name: REVISION, value: abc123}
  - name: triton
    image: nvcr.io/nvidia/tritonserver:24.08-py3
    command: ["tritonserver", "--metrics-port=9102", "--allow-metrics", "false"]
  - name: sglang
    image: lmsysorg/sglang:v0.4.6
    args: ["--model-path", "/models/local", "--enable-metrics"]
  - name: cache
    image: lmcache/vllm-openai:v0.3.0
    command: ["/opt/venv/bin/lmcache_server", "0.0.0.0", "8080"]
  - name: ollama
    image: ollama/ollama:0.5.7
    env: [{name: OLLAMA_HOST, value: "0.0.0.0:8080"}]
)yaml");
  REQUIRE(m.objects.size() == 1);
  const auto& cs = m.objects[0].pods[0].containers;
  REQUIRE(cs.size() == 6);
  // vLLM: positional model, --port=, metrics off, tracing flag, download dir.
  CHECK(container_server(cs[0]) == ServerKind::Vllm);
  CHECK(server_port(cs[0], ServerKind::Vllm) == 9000);
  MetricsEndpoint vm = server_metrics(cs[0], ServerKind::Vllm);
  CHECK(vm.available);
  CHECK(vm.ports == std::vector<int>{9000});
  CHECK(vm.disabled_by == "--disable-log-stats");
  CHECK(vm.disabled_at.str() == "--disable-log-stats");
  CHECK(tracing_configuration(cs[0], ServerKind::Vllm) ==
        "--otlp-traces-endpoint");
  HubModel vh = hub_model(cs[0], ServerKind::Vllm);
  CHECK(vh.id == "Qwen/Qwen2.5-7B");
  CHECK(vh.at.str() == "Qwen/Qwen2.5-7B");
  CHECK(vh.revision.empty());
  CHECK(hub_cache_dir(cs[0], ServerKind::Vllm) == "/w");
  // TGI: $(VAR) expansion, REVISION env, default port 80 and cache /data.
  CHECK(server_port(cs[1], ServerKind::Tgi) == 80);
  HubModel th = hub_model(cs[1], ServerKind::Tgi);
  CHECK(th.id == "google/gemma-2b");
  CHECK(th.at.line() == 15);
  CHECK(th.revision == "abc123");
  CHECK(hub_cache_dir(cs[1], ServerKind::Tgi) == "/data");
  CHECK(tracing_configuration(cs[1], ServerKind::Tgi).empty());
  // Triton: metrics on their own port, switched off by a spaced flag.
  MetricsEndpoint tm = server_metrics(cs[2], ServerKind::Triton);
  CHECK(tm.ports == std::vector<int>{9102});
  CHECK(tm.disabled_by == "--allow-metrics=false");
  // SGLang: metrics on with --enable-metrics; a local path is no hub model.
  CHECK(server_metrics(cs[3], ServerKind::Sglang).disabled_by.empty());
  CHECK(hub_model(cs[3], ServerKind::Sglang).id.empty());
  // A cache server in a vLLM image is no model server.
  CHECK(container_server(cs[4]) == ServerKind::None);
  // Ollama: port from OLLAMA_HOST, no metrics endpoint.
  CHECK(server_port(cs[5], ServerKind::Ollama) == 8080);
  CHECK_FALSE(server_metrics(cs[5], ServerKind::Ollama).available);
}

}  // namespace launchlint
