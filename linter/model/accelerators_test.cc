#include "linter/model/accelerators.h"

#include <doctest/doctest.h>

#include "linter/model/test_model.h"

#include "linter/model/model.h"
#include "linter/model/serving.h"
#include "linter/yaml/parse.h"

namespace launchlint {

TEST_CASE("accelerator node labels and taints") {
  CHECK(is_accelerator_node_label("nvidia.com/gpu.product", "NVIDIA-L4"));
  CHECK(is_accelerator_node_label("cloud.google.com/gke-accelerator", "x"));
  CHECK(
      is_accelerator_node_label("karpenter.k8s.aws/instance-gpu-name", "a10g"));
  CHECK(is_accelerator_node_label("node.kubernetes.io/instance-type",
                                  "p5.48xlarge"));
  CHECK(is_accelerator_node_label("pool", "gpu-a100"));
  CHECK(is_accelerator_node_label("accelerator", "h100"));
  CHECK(is_accelerator_node_label("size", "l4"));
  CHECK_FALSE(is_accelerator_node_label("kubernetes.io/os", "linux"));
  CHECK_FALSE(
      is_accelerator_node_label("topology.kubernetes.io/zone", "us-east-1a"));
  CHECK_FALSE(is_accelerator_node_label("size", "large4"));

  CHECK(is_accelerator_taint_key("nvidia.com/gpu"));
  CHECK(is_accelerator_taint_key("aws.amazon.com/neuron"));
  CHECK(is_accelerator_taint_key("sku"));
  CHECK_FALSE(is_accelerator_taint_key("dedicated"));
  CHECK_FALSE(is_accelerator_taint_key("node.kubernetes.io/not-ready"));
}

TEST_CASE("accelerator placement: required, preferred or none") {
  Model m = load_model(R"(apiVersion: v1
kind: Pod
metadata: {name: selector}
spec:
  nodeSelector: {nvidia.com/gpu.present: "true"}
  containers: [{name: s, image: i}]
---
apiVersion: v1
kind: Pod
metadata: {name: required}
spec:
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions: [{key: nvidia.com/gpu.product, operator: In, values: [H100]}]
  containers: [{name: s, image: i}]
---
apiVersion: v1
kind: Pod
metadata: {name: not-in}
spec:
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions: [{key: nvidia.com/gpu.product, operator: NotIn, values: [T4]}]
  containers: [{name: s, image: i}]
---
apiVersion: v1
kind: Pod
metadata: {name: preferred}
spec:
  affinity:
    nodeAffinity:
      preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 1
        preference:
          matchExpressions: [{key: cloud.google.com/gke-accelerator, operator: In, values: [nvidia-l4]}]
  containers: [{name: s, image: i}]
---
apiVersion: v1
kind: Pod
metadata: {name: gke}
spec:
  nodeSelector: {cloud.google.com/gke-accelerator: nvidia-l4}
  containers: [{name: s, image: i}]
)");
  REQUIRE(m.objects.size() == 5);
  CHECK(accelerator_placement(m.objects[0].pods[0]) ==
        AcceleratorPlacement::Required);
  CHECK(accelerator_placement(m.objects[1].pods[0]) ==
        AcceleratorPlacement::Required);
  CHECK(accelerator_placement(m.objects[2].pods[0]) ==
        AcceleratorPlacement::None);
  CHECK(accelerator_placement(m.objects[3].pods[0]) ==
        AcceleratorPlacement::Preferred);
  CHECK_FALSE(platform_injects_accelerator_toleration(m.objects[0].pods[0]));
  CHECK(platform_injects_accelerator_toleration(m.objects[4].pods[0]));
}

TEST_CASE("the config's accelerator names join the built-in ones") {
  constexpr std::string_view kPods = R"(apiVersion: v1
kind: Pod
metadata: {name: npu}
spec:
  nodeSelector: {example.com/pool: inference}
  containers:
  - name: s
    image: i
    resources: {limits: {example.com/npu: 2, nvidia.com/gpu: 1}}
---
apiVersion: v1
kind: Pod
metadata: {name: npu-slice}
spec:
  containers:
  - name: s
    image: i
    resources: {limits: {example.com/npu-half: 1}}
)";
  Model builtin = load_model(kPods);
  const PodTemplate& npu = builtin.objects[0].pods[0];
  CHECK(pod_accelerators(npu) == 1);
  CHECK(accelerator_placement(npu) == AcceleratorPlacement::None);
  CHECK(pod_accelerators(builtin.objects[1].pods[0]) == 0);

  AcceleratorVocabulary cluster;
  cluster.resources = {"example.com/npu", "example.com/npu-*"};
  cluster.node_labels = {"example.com/pool"};
  Model configured = load_model(kPods, cluster);
  // Moving the model keeps the pods' vocabulary.
  Model moved = std::move(configured);
  CHECK(pod_accelerators(moved.objects[0].pods[0]) == 3);
  CHECK(accelerator_placement(moved.objects[0].pods[0]) ==
        AcceleratorPlacement::Required);
  CHECK(pod_accelerators(moved.objects[1].pods[0]) == 1);
  CHECK(uses_accelerators(moved.objects[1]));
  CHECK(cluster.is_node_label("example.com/pool", "anything"));
  CHECK_FALSE(cluster.is_node_label("example.com/pools", "general"));
  CHECK_FALSE(cluster.is_resource("example.com/np"));
}

TEST_CASE("tensor-parallel size per server") {
  Model m = load_model(R"(apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - {name: vllm-eq, image: vllm/vllm-openai:v0.11.0, args: [--tensor-parallel-size=4]}
  - {name: vllm-tp, image: vllm/vllm-openai:v0.11.0, args: [-tp, "2"]}
  - {name: tgi, image: ghcr.io/huggingface/text-generation-inference:3.0.1, args: [--num-shard, "8"]}
  - name: tgi-env
    image: ghcr.io/huggingface/text-generation-inference:3.0.1
    env: [{name: NUM_SHARD, value: "2"}]
  - {name: sglang, image: lmsysorg/sglang:v0.4.9, command: [sh, -c, "python3 -m sglang.launch_server --tp 16"]}
  - {name: variable, image: vllm/vllm-openai:v0.11.0, args: [--tensor-parallel-size, $(TP)]}
  - {name: web, image: nginx:1.27, args: [--tp, "4"]}
)");
  const auto& cs = m.objects[0].pods[0].containers;
  REQUIRE(cs.size() == 7);
  CHECK(tensor_parallel(cs[0]).size == 4);
  CHECK(tensor_parallel(cs[0]).flag == "--tensor-parallel-size");
  CHECK(tensor_parallel(cs[0]).at.str() == "--tensor-parallel-size=4");
  CHECK(tensor_parallel(cs[1]).size == 2);
  CHECK(tensor_parallel(cs[1]).at.str() == "-tp");
  CHECK(tensor_parallel(cs[2]).size == 8);
  CHECK(tensor_parallel(cs[3]).size == 2);
  CHECK(tensor_parallel(cs[3]).flag == "NUM_SHARD");
  CHECK(tensor_parallel(cs[4]).size == 16);
  CHECK(tensor_parallel(cs[5]).size == 0);
  CHECK(tensor_parallel(cs[5]).flag == "--tensor-parallel-size");
  CHECK(tensor_parallel(cs[6]).size == 0);
}

}  // namespace launchlint
