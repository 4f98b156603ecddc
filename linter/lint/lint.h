#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "linter/config/config.h"
#include "linter/load/inputs.h"
#include "linter/model/model.h"
#include "linter/review/exceptions.h"
#include "linter/rules/rule.h"
#include "linter/yaml/parse.h"

namespace launchlint {

struct LintOptions {
  LintSettings settings;
  const Config* config = nullptr;  // rule settings and exceptions; may be null
  long today = -1;  // days since 1970-01-01 for expiry; -1 means the clock's
  ParseLimits parse_limits;
  std::size_t max_file_bytes = std::size_t{256} << 20;
  // Files or folders of CustomResourceDefinitions read only as schemas for
  // custom resources (--crd), never linted.
  std::vector<std::string> crd_paths;
};

struct LintRun {
  Model model;
  std::vector<Finding> findings;     // sorted
  std::vector<InputError> errors;    // unreadable paths: exit code 2
  std::vector<AcceptedException> accepted;  // exceptions that suppressed
  long today = 0;
  std::string stdin_text;  // what "-" read: writers may need its lines
};

// Today in days since 1970-01-01 (UTC).
long today_from_clock();

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
