#include "linter/model/serving.h"

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
    case ServerKind::None: return "none";
    case ServerKind::Vllm: return "vLLM";
    case ServerKind::Tgi: return "TGI";
    case ServerKind::Sglang: return "SGLang";
    case ServerKind::Nim: return "NIM";
    case ServerKind::Triton: return "Triton";
    case ServerKind::Ollama: return "Ollama";
    case ServerKind::KServeHuggingFace: return "KServe Hugging Face server";
    case ServerKind::RayServe: return "Ray Serve";
    case ServerKind::LlamaCpp: return "llama.cpp";
    case ServerKind::Other: return "model server";
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

ServerKind container_server(const Container& c) {
  std::string_view repo = repository(c.image());
  for (const ImagePattern& p : kImages) {
    if (repo.find(p.needle) != std::string_view::npos) return p.kind;
  }
  std::vector<std::string> words = container_words(c);
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i];
    std::size_t slash = w.rfind('/');
    if (slash != std::string_view::npos) w = w.substr(slash + 1);
    if (w == "serve" && i + 1 < words.size() &&
        (words[i + 1] == "run" || words[i + 1] == "deploy") && i > 0)
      return ServerKind::RayServe;
    for (const CommandPattern& p : kCommands) {
      if (w == p.word || (p.word.find('.') != std::string_view::npos &&
                          w.starts_with(p.word)))
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
  return pod_accelerators(pod) > 0;
}

bool uses_accelerators(const Object& o) {
  for (const PodTemplate& pod : o.pods) {
    if (uses_accelerators(pod)) return true;
  }
  return false;
}

}  // namespace launchlint
