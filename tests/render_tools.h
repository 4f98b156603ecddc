#pragma once

#include <filesystem>
#include <string>

#include "linter/render/run_tool.h"

namespace launchlint {

// The helm the tests render with: on PATH, else the one scripts/setup.sh
// --test installs in .tools/bin. Empty means setup was not run: tests fail.
inline std::string test_helm() {
  std::string on_path = find_program("helm");
  if (!on_path.empty()) return on_path;
  std::filesystem::path tools =
      std::filesystem::path(LAUNCHLINT_SOURCE_DIR) / ".tools" / "bin" / "helm";
  return find_program(tools.string());
}

// The kubectl the tests build kustomizations with, found the same way.
inline std::string test_kubectl() {
  std::string on_path = find_program("kubectl");
  if (!on_path.empty()) return on_path;
  std::filesystem::path tools = std::filesystem::path(LAUNCHLINT_SOURCE_DIR) /
                                ".tools" / "bin" / "kubectl";
  return find_program(tools.string());
}

}  // namespace launchlint
