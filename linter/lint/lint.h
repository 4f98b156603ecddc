#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "linter/load/inputs.h"
#include "linter/model/model.h"
#include "linter/rules/rule.h"
#include "linter/yaml/parse.h"

namespace launchlint {

struct LintOptions {
  LintSettings settings;
  ParseLimits parse_limits;
  unsigned jobs = 0;  // parsing threads; 0 means one per core
  // Input bytes parsed per batch before the model takes them; 0: automatic.
  std::size_t batch_bytes = 0;
  std::size_t max_file_bytes = std::size_t{256} << 20;
};

struct LintRun {
  Model model;
  std::vector<Finding> findings;     // sorted
  std::vector<InputError> errors;    // unreadable paths: exit code 2
};

// Loads every path, builds the model and runs the rules.
LintRun lint_paths(const std::vector<std::string>& paths,
                   const LintOptions& options);

// The same for text already in memory (tests, the language server).
struct InMemoryFile {
  std::string path;
  std::string text;
};
LintRun lint_texts(const std::vector<InMemoryFile>& files,
                   const LintOptions& options);

}  // namespace launchlint
