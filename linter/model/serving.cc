#include "linter/model/serving.h"

#include <algorithm>
#include <array>
#include <sstream>
#include <utility>

#include "linter/model/accelerators.h"

namespace launchlint {

namespace {

struct ImagePattern {
  std::string_view needle;  // substring of the image repository
  ServerKind kind;
};

// Matched against the image without its tag, in order.
constexpr std::array<ImagePattern, 16> kImages = {{
    {"vllm", ServerKind::Vllm},
    {"text-generation-inference", ServerKind::Tgi},
    {"tgi-gaudi", ServerKind::Tgi},
    {"sglang", ServerKind::Sglang},
    {"nvcr.io/nim/", ServerKind::Nim},
    {"/nim-llm", ServerKind::Nim},
    {"tritonserver", ServerKind::Triton},
    {"triton-inference-server", ServerKind::Triton},
    {"ollama", ServerKind::Ollama},
    {"kserve/huggingfaceserver", ServerKind::KServeHuggingFace},
    {"huggingfaceserver", ServerKind::KServeHuggingFace},
    {"llama.cpp", ServerKind::LlamaCpp},
    {"llama-cpp", ServerKind::LlamaCpp},
    {"llamacpp", ServerKind::LlamaCpp},
    {"lmcache/vllm", ServerKind::Vllm},
    {"llm-d", ServerKind::Vllm},
}};

struct CommandPattern {
  std::string_view word;  // a command word or the start of one
  ServerKind kind;
};

constexpr std::array<CommandPattern, 8> kCommands = {{
    {"vllm.entrypoints", ServerKind::Vllm},
    {"vllm", ServerKind::Vllm},
    {"text-generation-launcher", ServerKind::Tgi},
    {"sglang.launch_server", ServerKind::Sglang},
    {"tritonserver", ServerKind::Triton},
    {"ollama", ServerKind::Ollama},
    {"huggingfaceserver", ServerKind::KServeHuggingFace},
    {"llama-server", ServerKind::LlamaCpp},
}};

std::string_view repository(std::string_view image) {
  std::size_t at = image.find('@');
  if (at != std::string_view::npos) image = image.substr(0, at);
  std::size_t slash = image.rfind('/');
  std::size_t colon = image.rfind(':');
  if (colon != std::string_view::npos &&
      (slash == std::string_view::npos || colon > slash))
    image = image.substr(0, colon);
  return image;
}

void split_into(std::string_view text, std::vector<std::string>* out) {
  std::istringstream in{std::string(text)};
  for (std::string w; in >> w;) {
    while (!w.empty() && (w.back() == '\\' || w.back() == ';')) w.pop_back();
    if (!w.empty()) out->push_back(std::move(w));
  }
}

}  // namespace

std::string_view to_string(ServerKind kind) {
  switch (kind) {
    case ServerKind::None:
      return "none";
    case ServerKind::Vllm:
      return "vLLM";
    case ServerKind::Tgi:
      return "TGI";
    case ServerKind::Sglang:
      return "SGLang";
    case ServerKind::Nim:
      return "NIM";
    case ServerKind::Triton:
      return "Triton";
    case ServerKind::Ollama:
      return "Ollama";
    case ServerKind::KServeHuggingFace:
      return "KServe Hugging Face server";
    case ServerKind::RayServe:
      return "Ray Serve";
    case ServerKind::LlamaCpp:
      return "llama.cpp";
    case ServerKind::Other:
      return "model server";
  }
  return "model server";
}

std::vector<std::string> container_words(const Container& c) {
  std::vector<std::string> words;
  for (std::string_view field : {"command", "args"}) {
    NodeRef list = c.node[field];
    for (std::uint32_t i = 0; i < list.size(); ++i) {
      std::string_view w = list.at(i).str();
      if (w.find_first_of(" \n\t") != std::string_view::npos) {
        split_into(w, &words);
      } else if (!w.empty()) {
        words.emplace_back(w);
      }
    }
  }
  return words;
}

std::string flag_value(const std::vector<std::string>& words,
                       std::initializer_list<std::string_view> names,
                       bool* present) {
  if (present) *present = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i];
    for (std::string_view name : names) {
      if (w == name) {
        if (present) *present = true;
        if (i + 1 < words.size() && !words[i + 1].starts_with("--"))
          return words[i + 1];
        return {};
      }
      if (w.size() > name.size() && w.starts_with(name) &&
          w[name.size()] == '=') {
        if (present) *present = true;
        return std::string(w.substr(name.size() + 1));
      }
    }
  }
  return {};
}

namespace {

// Programs shipped in model-server images that are not the server: a
// container running one of them serves no model.
constexpr std::array<std::string_view, 6> kNotServers = {
    "lmcache_server", "huggingface-cli", "hf", "sleep", "nvidia-smi", "ray"};

// The program a container runs, past shell and env wrappers.
std::string_view program(const std::vector<std::string>& words) {
  for (const std::string& word : words) {
    std::string_view w = word;
    std::size_t slash = w.rfind('/');
    if (slash != std::string_view::npos) w = w.substr(slash + 1);
    if (w == "sh" || w == "bash" || w == "env" || w == "exec" || w == "--" ||
        w.starts_with("-"))
      continue;
    return w;
  }
  return {};
}

}  // namespace

ServerKind recognise_server(const Container& c) {
  std::vector<std::string> words = container_words(c);
  std::string_view prog = program(words);
  for (std::string_view other : kNotServers) {
    if (prog != other) continue;
    // `ray start` runs a Ray node; a Ray Serve entrypoint is recognised below.
    if (other == "ray" &&
        std::find(words.begin(), words.end(), "start") == words.end())
      break;
    return ServerKind::None;
  }
  std::string_view repo = repository(c.image());
  for (const ImagePattern& p : kImages) {
    if (repo.find(p.needle) != std::string_view::npos) return p.kind;
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i];
    std::size_t slash = w.rfind('/');
    if (slash != std::string_view::npos) w = w.substr(slash + 1);
    if (w == "serve" && i + 1 < words.size() &&
        (words[i + 1] == "run" || words[i + 1] == "deploy") && i > 0)
      return ServerKind::RayServe;
    for (const CommandPattern& p : kCommands) {
      if (w == p.word ||
          (p.word.find('.') != std::string_view::npos && w.starts_with(p.word)))
        return p.kind;
    }
  }
  return ServerKind::None;
}

const Container* server_container(const PodTemplate& pod) {
  for (const Container& c : pod.containers) {
    if (c.is_init()) continue;
    if (container_server(c) != ServerKind::None) return &c;
  }
  return nullptr;
}

bool answers_requests(const Object& object, const PodTemplate& pod) {
  if (object.group == "ray.io") return pod.role == "head";
  if (object.group == "leaderworkerset.x-k8s.io" && pod.role == "worker") {
    for (const PodTemplate& other : object.pods) {
      if (other.role == "leader") return false;
    }
  }
  return true;
}

ServerKind object_server(const Object& o) {
  for (const PodTemplate& pod : o.pods) {
    if (const Container* c = server_container(pod)) return container_server(*c);
  }
  if (o.group == "serving.kserve.io" &&
      (o.id.kind == "InferenceService" || o.id.kind == "LLMInferenceService" ||
       o.id.kind == "ServingRuntime" || o.id.kind == "ClusterServingRuntime"))
    return ServerKind::Other;
  if (o.group == "ray.io" && o.id.kind == "RayService")
    return ServerKind::RayServe;
  if (o.group == "leaderworkerset.x-k8s.io" && uses_accelerators(o))
    return ServerKind::Other;
  return ServerKind::None;
}

NodeRef env_var(const Container& c, std::string_view name) {
  NodeRef env = c.node["env"];
  for (std::uint32_t i = 0; i < env.size(); ++i) {
    NodeRef e = env.at(i);
    if (e["name"].str() != name) continue;
    if (e["value"].valid()) return e["value"];
    if (e["valueFrom"].valid()) return e["valueFrom"];
    return e["name"];
  }
  return {};
}

NodeRef word_node(const Container& c, std::string_view needle) {
  for (std::string_view field : {"command", "args"}) {
    NodeRef list = c.node[field];
    for (std::uint32_t i = 0; i < list.size(); ++i) {
      if (list.at(i).str().find(needle) != std::string_view::npos)
        return list.at(i);
    }
  }
  return {};
}

ServerTraits server_traits(ServerKind kind) {
  switch (kind) {
    case ServerKind::Vllm:
      return {true, 8000, "/health", "/metrics", 0};
    case ServerKind::Tgi:
      return {true, 80, "/health", "/metrics", 0};
    case ServerKind::Sglang:
      return {true, 30000, "/health", "/metrics", 0};
    case ServerKind::Nim:
      return {true, 8000, "/v1/health/ready", "/v1/metrics", 0};
    case ServerKind::Triton:
      return {true, 8000, "/v2/health/ready", "/metrics", 8002};
    case ServerKind::Ollama:
      return {true, 11434, "/", "", 0, false};
    case ServerKind::KServeHuggingFace:
      return {true, 8080, "/v2/health/ready", "/metrics", 0};
    case ServerKind::RayServe:
      return {true, 8000, "/-/healthz", "/metrics", 8080};
    case ServerKind::LlamaCpp:
      return {true, 8080, "/health", "/metrics", 0};
    case ServerKind::None:
    case ServerKind::Other:
      return {};
  }
  return {};
}

namespace {

int to_port(std::string_view text) {
  std::size_t colon = text.rfind(':');  // OLLAMA_HOST=0.0.0.0:11434
  if (colon != std::string_view::npos) text = text.substr(colon + 1);
  if (text.empty() || text.size() > 5) return 0;
  int port = 0;
  for (char ch : text) {
    if (ch < '0' || ch > '9') return 0;
    port = port * 10 + (ch - '0');
  }
  return port > 0 && port < 65536 ? port : 0;
}

int port_from(const Container& c, const std::vector<std::string>& words,
              std::initializer_list<std::string_view> flags,
              std::string_view env) {
  bool present = false;
  std::string value = flag_value(words, flags, &present);
  if (present) return to_port(value);
  if (!env.empty()) {
    NodeRef v = env_var(c, env);
    if (v.is_scalar()) return to_port(v.str());
    if (v.valid()) return 0;  // from a ConfigMap or Secret: unknown
  }
  return -1;  // not set
}

bool is_off(std::string_view v) {
  return v == "false" || v == "False" || v == "0" || v == "off";
}

bool is_on(std::string_view v) {
  return v == "true" || v == "True" || v == "1" || v == "on";
}

}  // namespace

int server_port(const Container& c, ServerKind kind) {
  std::vector<std::string> words = container_words(c);
  int port = -1;
  switch (kind) {
    case ServerKind::Vllm:
    case ServerKind::Sglang:
    case ServerKind::LlamaCpp:
      port = port_from(c, words, {"--port"}, "");
      break;
    case ServerKind::Tgi:
      port = port_from(c, words, {"--port", "-p"}, "PORT");
      break;
    case ServerKind::Nim:
      port = port_from(c, words, {}, "NIM_SERVER_PORT");
      break;
    case ServerKind::Triton:
      port = port_from(c, words, {"--http-port"}, "");
      break;
    case ServerKind::Ollama:
      port = port_from(c, words, {}, "OLLAMA_HOST");
      break;
    case ServerKind::KServeHuggingFace:
      port = port_from(c, words, {"--http_port", "--http-port"}, "");
      break;
    case ServerKind::RayServe:
    case ServerKind::None:
    case ServerKind::Other:
      break;
  }
  return port >= 0 ? port : server_traits(kind).default_port;
}

MetricsEndpoint server_metrics(const Container& c, ServerKind kind) {
  MetricsEndpoint m;
  ServerTraits traits = server_traits(kind);
  if (traits.metrics_path.empty()) return m;
  m.available = true;
  m.paths.push_back(traits.metrics_path);
  std::vector<std::string> words = container_words(c);
  int main_port = server_port(c, kind);
  bool present = false;
  switch (kind) {
    case ServerKind::Vllm:
      // Without stats logging vLLM creates no Prometheus stat logger: /metrics
      // answers but carries none of the vllm:* series.
      flag_value(words, {"--disable-log-stats"}, &present);
      if (present) {
        m.disabled_by = "--disable-log-stats";
        m.disabled_at = word_node(c, "--disable-log-stats");
        m.enable_hint = "remove --disable-log-stats";
      }
      break;
    case ServerKind::Tgi: {
      // TGI 3 also serves /metrics on a dedicated Prometheus port.
      int p = port_from(c, words, {"--prometheus-port"}, "PROMETHEUS_PORT");
      m.ports.push_back(p > 0 ? p : 9000);
      break;
    }
    case ServerKind::Sglang:
      flag_value(words, {"--enable-metrics"}, &present);
      if (!present) {
        m.disabled_by = "no --enable-metrics";
        m.enable_hint = "add --enable-metrics";
      }
      break;
    case ServerKind::LlamaCpp:
      flag_value(words, {"--metrics"}, &present);
      if (!present) {
        m.disabled_by = "no --metrics";
        m.enable_hint = "add --metrics";
      }
      break;
    case ServerKind::Nim:
      m.paths.push_back("/metrics");
      break;
    case ServerKind::Triton: {
      std::string allow = flag_value(words, {"--allow-metrics"}, &present);
      if (present && is_off(allow)) {
        m.disabled_by = "--allow-metrics=false";
        m.disabled_at = word_node(c, "--allow-metrics");
        m.enable_hint = "remove --allow-metrics=false";
      }
      int p = port_from(c, words, {"--metrics-port"}, "");
      main_port = p > 0 ? p : traits.default_metrics_port;
      break;
    }
    case ServerKind::RayServe:
      main_port = traits.default_metrics_port;
      break;
    case ServerKind::Ollama:
    case ServerKind::KServeHuggingFace:
    case ServerKind::None:
    case ServerKind::Other:
      break;
  }
  if (main_port > 0) {
    std::vector<int> ports(1, main_port);
    for (int p : m.ports) ports.push_back(p);
    m.ports.swap(ports);
  }
  return m;
}

std::string_view tracing_flag(ServerKind kind) {
  switch (kind) {
    case ServerKind::Vllm:
      return "--otlp-traces-endpoint";
    case ServerKind::Tgi:
      return "--otlp-endpoint";
    case ServerKind::Sglang:
      return "--enable-trace";
    case ServerKind::Triton:
      return "--trace-config mode=opentelemetry";
    default:
      return "";
  }
}

std::string tracing_configuration(const Container& c, ServerKind kind) {
  std::vector<std::string> words = container_words(c);
  bool present = false;
  switch (kind) {
    case ServerKind::Vllm:
      if (!flag_value(words, {"--otlp-traces-endpoint"}, &present).empty())
        return "--otlp-traces-endpoint";
      break;
    case ServerKind::Tgi:
      if (!flag_value(words, {"--otlp-endpoint"}, &present).empty())
        return "--otlp-endpoint";
      if (env_var(c, "OTLP_ENDPOINT").valid()) return "OTLP_ENDPOINT";
      break;
    case ServerKind::Sglang:
      flag_value(words, {"--enable-trace"}, &present);
      if (present) return "--enable-trace";
      break;
    case ServerKind::Triton:
      for (std::size_t i = 0; i < words.size(); ++i) {
        if (words[i].starts_with("--trace-config") &&
            (words[i].find("opentelemetry") != std::string::npos ||
             (i + 1 < words.size() &&
              words[i + 1].find("opentelemetry") != std::string::npos)))
          return "--trace-config";
      }
      break;
    default:
      break;
  }
  if (is_on(env_var(c, "OTEL_SDK_DISABLED").str()) ||
      env_var(c, "OTEL_TRACES_EXPORTER").str() == "none")
    return {};
  for (std::string_view name :
       {"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT"}) {
    if (env_var(c, name).valid()) return std::string(name);
  }
  return {};
}

namespace {

// "org/name" as the hub spells it, not a path, URL or template.
bool looks_like_hub_id(std::string_view id) {
  std::size_t slash = id.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == id.size() ||
      id.find('/', slash + 1) != std::string_view::npos)
    return false;
  if (id.starts_with(".") || id.starts_with("~")) return false;
  for (char ch : id) {
    bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
              (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.' ||
              ch == '/';
    if (!ok) return false;
  }
  return true;
}

// The first positional word after `serve` (`vllm serve org/name`).
std::string serve_positional(const std::vector<std::string>& words) {
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    std::string_view w = words[i];
    std::size_t slash = w.rfind('/');
    if (slash != std::string_view::npos) w = w.substr(slash + 1);
    if ((w == "serve" && i > 0) && !words[i + 1].starts_with("-"))
      return words[i + 1];
  }
  return {};
}

}  // namespace

HubModel hub_model(const Container& c, ServerKind kind) {
  HubModel out;
  if (is_on(env_var(c, "HF_HUB_OFFLINE").str()) ||
      is_on(env_var(c, "TRANSFORMERS_OFFLINE").str()))
    return out;
  std::vector<std::string> words = container_words(c);
  std::string id;
  NodeRef at;
  std::string_view revision_env;
  bool revision_present = false;
  out.revision_flag = "--revision";
  switch (kind) {
    case ServerKind::Vllm:
      id = serve_positional(words);
      if (id.empty()) id = flag_value(words, {"--model"});
      out.revision = flag_value(words, {"--revision"}, &revision_present);
      break;
    case ServerKind::Tgi:
      id = flag_value(words, {"--model-id"});
      out.revision = flag_value(words, {"--revision"}, &revision_present);
      revision_env = "REVISION";
      break;
    case ServerKind::Sglang:
      id = flag_value(words, {"--model-path", "--model"});
      out.revision = flag_value(words, {"--revision"}, &revision_present);
      break;
    case ServerKind::KServeHuggingFace:
      id = flag_value(words, {"--model_id", "--model-id"});
      out.revision = flag_value(words, {"--model_revision", "--model-revision"},
                                &revision_present);
      out.revision_flag = "--model_revision";
      break;
    default:
      return out;
  }
  if (id.starts_with("$(") && id.ends_with(")")) {
    // Kubernetes expands $(VAR) from the container's env.
    NodeRef v = env_var(c, std::string_view(id).substr(2, id.size() - 3));
    id = v.is_scalar() ? std::string(v.str()) : std::string();
    at = v;
  } else if (!id.empty()) {
    at = word_node(c, id);
  } else {
    for (std::string_view env : {"MODEL_ID", "HF_MODEL_ID"}) {
      NodeRef v = env_var(c, env);
      if (v.is_scalar() && !v.str().empty()) {
        id = std::string(v.str());
        at = v;
        break;
      }
    }
  }
  if (!looks_like_hub_id(id)) return out;
  out.id = id;
  out.at = at;
  if (revision_present) {
    out.revision_at = word_node(c, out.revision_flag);
    if (!out.revision_at.valid()) out.revision_at = word_node(c, "revision");
    // "--revision", "main" as two elements: point at the value.
    for (std::string_view field : {"command", "args"}) {
      NodeRef list = c.node[field];
      for (std::uint32_t i = 0; i + 1 < list.size(); ++i) {
        if (list.at(i) == out.revision_at &&
            list.at(i).str() == out.revision_flag)
          out.revision_at = list.at(i + 1);
      }
    }
  }
  if (out.revision.empty() && !revision_env.empty()) {
    NodeRef v = env_var(c, revision_env);
    if (v.valid()) {
      out.revision =
          v.is_scalar() ? std::string(v.str()) : "(from a reference)";
      out.revision_at = v;
    }
  }
  if (out.revision.empty()) {
    NodeRef v = env_var(c, "HF_REVISION");
    if (v.valid()) {
      out.revision =
          v.is_scalar() ? std::string(v.str()) : "(from a reference)";
      out.revision_at = v;
    }
  }
  return out;
}

std::string hub_cache_dir(const Container& c, ServerKind kind) {
  std::vector<std::string> words = container_words(c);
  if (kind == ServerKind::Vllm) {
    std::string dir = flag_value(words, {"--download-dir"});
    if (!dir.empty()) return dir;
  }
  if (kind == ServerKind::Sglang) {
    std::string dir = flag_value(words, {"--download-dir"});
    if (!dir.empty()) return dir;
  }
  if (kind == ServerKind::Tgi) {
    for (std::string_view env : {"HUGGINGFACE_HUB_CACHE", "HF_HUB_CACHE"}) {
      NodeRef v = env_var(c, env);
      if (v.is_scalar()) return std::string(v.str());
    }
  }
  for (std::string_view env :
       {"HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE", "TRANSFORMERS_CACHE"}) {
    NodeRef v = env_var(c, env);
    if (v.is_scalar()) return std::string(v.str());
  }
  NodeRef home = env_var(c, "HF_HOME");
  if (home.is_scalar()) return std::string(home.str());
  switch (kind) {
    case ServerKind::Tgi:
      return "/data";  // the image sets HUGGINGFACE_HUB_CACHE
    case ServerKind::Vllm:
    case ServerKind::Sglang:
      return "/root/.cache/huggingface";
    default:
      return {};
  }
}

NodeRef flag_node(const Container& c,
                  std::initializer_list<std::string_view> names) {
  for (std::string_view field : {"command", "args"}) {
    NodeRef list = c.node[field];
    for (std::uint32_t i = 0; i < list.size(); ++i) {
      std::vector<std::string> words;
      split_into(list.at(i).str(), &words);
      for (const std::string& w : words) {
        for (std::string_view name : names) {
          if (w == name || (w.starts_with(name) && w.size() > name.size() &&
                            w[name.size()] == '='))
            return list.at(i);
        }
      }
    }
  }
  return {};
}

static bool set_size(std::string_view value, ParallelDegree* out) {
  if (value.empty() || value.size() > 6 ||
      value.find_first_not_of("0123456789") != std::string_view::npos)
    return false;
  out->size = std::stoll(std::string(value));
  return true;
}

static ParallelDegree find_parallel_flag(
    const Container& c, std::initializer_list<std::string_view> names) {
  ParallelDegree out;
  std::vector<std::string> words = container_words(c);
  for (std::string_view name : names) {
    bool present = false;
    std::string value = flag_value(words, {name}, &present);
    if (!present) continue;
    out.flag = std::string(name);
    out.at = flag_node(c, {name});
    set_size(value, &out);
    return out;
  }
  return out;
}

ParallelDegree tensor_parallel(const Container& c) {
  switch (container_server(c)) {
    case ServerKind::Vllm:
      return find_parallel_flag(
          c, {"--tensor-parallel-size", "-tp", "--tensor_parallel_size"});
    case ServerKind::Sglang:
      return find_parallel_flag(
          c, {"--tp", "--tp-size", "--tensor-parallel-size"});
    case ServerKind::Tgi: {
      ParallelDegree out = find_parallel_flag(c, {"--num-shard"});
      if (!out.flag.empty()) return out;
      NodeRef env = c.node["env"];
      for (std::uint32_t i = 0; i < env.size(); ++i) {
        if (env.at(i)["name"].str() != "NUM_SHARD") continue;
        out.flag = "NUM_SHARD";
        out.at = env.at(i)["value"];
        set_size(out.at.str(), &out);
      }
      return out;
    }
    default:
      return {};
  }
}

ParallelDegree pipeline_parallel(const Container& c) {
  switch (container_server(c)) {
    case ServerKind::Vllm:
      return find_parallel_flag(
          c, {"--pipeline-parallel-size", "-pp", "--pipeline_parallel_size"});
    case ServerKind::Sglang:
      return find_parallel_flag(
          c, {"--pp", "--pp-size", "--pipeline-parallel-size"});
    default:
      return {};
  }
}

ParallelDegree node_count(const Container& c) {
  if (container_server(c) != ServerKind::Sglang) return {};
  return find_parallel_flag(c, {"--nnodes"});
}

bool uses_accelerators(const PodTemplate& pod) {
  return pod.accelerator_count > 0;
}

bool uses_accelerators(const Object& o) {
  for (const PodTemplate& pod : o.pods) {
    if (uses_accelerators(pod)) return true;
  }
  return false;
}

}  // namespace launchlint
