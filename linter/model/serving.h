#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "linter/model/object.h"
#include "linter/model/server_kind.h"

namespace launchlint {

std::string_view to_string(ServerKind kind);

// The server a container runs, from its image, command and args: read once
// when the object is (Container::server).
inline ServerKind container_server(const Container& container) {
  return container.server;
}
// The same, worked out from the container's node.
ServerKind recognise_server(const Container& container);

// The server an object runs: by kind (InferenceService, ServingRuntime,
// LLMInferenceService, LeaderWorkerSet, RayService) or by any container.
ServerKind object_server(const Object& object);
inline bool is_model_server(const Object& object) {
  return object_server(object) != ServerKind::None;
}

// The container of `pod` that runs the model server (first match), or null.
const Container* server_container(const PodTemplate& pod);

// Whether the pods of `pod` answer requests: not LeaderWorkerSet workers when
// the set has a leader template, nor Ray worker groups (they run `ray start`
// and take work from the head).
bool answers_requests(const Object& object, const PodTemplate& pod);

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

// The value node of env var `name` set on the container (`value:`; an entry
// with `valueFrom:` answers its valueFrom node), or an invalid handle.
NodeRef env_var(const Container& container, std::string_view name);

// The command/args element whose text contains `needle` (the first one), or
// an invalid handle: the node to point at for a flag found in
// container_words().
NodeRef word_node(const Container& container, std::string_view needle);

// What a server family serves, by default and as its flags change it.
struct ServerTraits {
  bool http = false;     // answers HTTP: a readiness probe can be httpGet
  int default_port = 0;  // 0 when unknown
  std::string_view health_path;  // the server's readiness endpoint
  // Prometheus metrics path; empty when the server has none (Ollama).
  std::string_view metrics_path;
  int default_metrics_port = 0;  // 0: served on the main port
  // Loads the model before it answers (Ollama loads on first request).
  bool loads_at_start = true;
};
ServerTraits server_traits(ServerKind kind);

// The port the server of `container` listens on: its port flag or env var,
// else the family's default; 0 when unknown.
int server_port(const Container& container, ServerKind kind);

// Where the server publishes Prometheus metrics. `ports` lists every port
// serving `paths` (main port, dedicated metrics port).
struct MetricsEndpoint {
  bool available = false;  // the family has a metrics endpoint at all
  std::vector<int> ports;
  std::vector<std::string_view> paths;
  // Non-empty when a flag switches metrics off (or the family needs a flag to
  // switch them on and it is missing): what the user wrote or must write.
  std::string disabled_by;
  NodeRef disabled_at;      // the flag's node, when one switched them off
  std::string enable_hint;  // how to switch them (back) on
};
MetricsEndpoint server_metrics(const Container& container, ServerKind kind);

// How tracing is configured on the container: the flag or env var that
// exports OpenTelemetry traces; empty when none.
std::string tracing_configuration(const Container& container, ServerKind kind);
// The flag that turns on the server's own tracing, for messages; empty when
// the family has none (then OTEL_* env vars are the way).
std::string_view tracing_flag(ServerKind kind);

// A Hugging Face hub model the container downloads, and the revision it pins.
struct HubModel {
  std::string id;        // "org/name"
  NodeRef at;            // the arg or env value naming it
  std::string revision;  // empty when not pinned
  NodeRef revision_at;
  std::string_view revision_flag;  // how to pin it for this server
};
// The hub model of the container, or an empty id when it loads a local path,
// runs offline (HF_HUB_OFFLINE=1) or names no model.
HubModel hub_model(const Container& container, ServerKind kind);

// The directory the container keeps downloaded hub weights in (HF_HOME,
// HF_HUB_CACHE, --download-dir, the image's default).
std::string hub_cache_dir(const Container& container, ServerKind kind);

// Whether the pod template asks for accelerators (any container): its
// accelerator_count, set by Model::finish.
bool uses_accelerators(const PodTemplate& pod);
bool uses_accelerators(const Object& object);

}  // namespace launchlint
