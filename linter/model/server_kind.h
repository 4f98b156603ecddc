#pragma once

#include <cstdint>

namespace launchlint {

// The model-server families launchlint recognises (linter/model/serving.h
// tells them apart).
enum class ServerKind : std::uint8_t {
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

}  // namespace launchlint
