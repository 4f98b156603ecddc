#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "linter/model/object.h"

namespace launchlint {

// The model-server families launchlint recognises. Kept here, in one table,
// for every rule that asks "is this a model server?".
enum class ServerKind {
  None,
  Vllm,
  Tgi,
  Sglang,
  Nim,
  Triton,
  Ollama,
  KServeHuggingFace,
  RayServe,
  LlamaCpp,
  Other,  // a serving kind (InferenceService, LLMInferenceService, ...) whose
          // container image is not one of the above
};

std::string_view to_string(ServerKind kind);

// The server a container runs, from its image, command and args.
ServerKind container_server(const Container& container);

// The server an object runs: by kind (InferenceService, ServingRuntime,
// LLMInferenceService, LeaderWorkerSet, RayService) or by any container.
ServerKind object_server(const Object& object);
inline bool is_model_server(const Object& object) {
  return object_server(object) != ServerKind::None;
}

// The container of `pod` that runs the model server (first match), or null.
const Container* server_container(const PodTemplate& pod);

// Every command and args word of a container, in order ("--tp", "4", ...);
// shell-wrapped commands (`sh -c "vllm serve ... --tp 4"`) are split on
// whitespace too.
std::vector<std::string> container_words(const Container& container);

// The value of a command-line flag in `words`: "--flag value" or
// "--flag=value"; empty when absent. `present` tells a bare flag apart.
std::string flag_value(const std::vector<std::string>& words,
                       std::initializer_list<std::string_view> names,
                       bool* present = nullptr);

// The command or args item of `container` that holds one of the flags
// `names` ("--tp 4", "--tp=4" or "--tp" followed by "4"); invalid when none.
NodeRef flag_node(const Container& container,
                  std::initializer_list<std::string_view> names);

// A parallelism degree set on a model server's command line. `size` is 0
// when unset or not a literal number; `at` is the node that sets it.
struct ParallelDegree {
  long long size = 0;
  std::string flag;
  NodeRef at;
};
// Tensor parallelism: vLLM --tensor-parallel-size/-tp, TGI --num-shard (or
// env NUM_SHARD), SGLang --tp/--tp-size.
ParallelDegree tensor_parallel(const Container& container);
// Pipeline parallelism: vLLM --pipeline-parallel-size/-pp, SGLang --pp.
ParallelDegree pipeline_parallel(const Container& container);
// Pods one server instance spans by itself: SGLang --nnodes.
ParallelDegree node_count(const Container& container);

// Whether the pod template asks for accelerators (any container).
bool uses_accelerators(const PodTemplate& pod);
bool uses_accelerators(const Object& object);

}  // namespace launchlint
