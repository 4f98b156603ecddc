#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "linter/analysis/namespace_model.h"
#include "linter/config/config.h"
#include "linter/load/inputs.h"
#include "linter/model/model.h"
#include "linter/render/render.h"
#include "linter/review/exceptions.h"
#include "linter/rules/rule.h"
#include "linter/yaml/parse.h"

namespace launchlint {

struct LintOptions {
  LintSettings settings;
  const Config* config = nullptr;  // rule settings and exceptions; may be null
  long today = -1;  // days since 1970-01-01 for expiry; -1 means the clock's
  ParseLimits parse_limits;
  unsigned jobs = 0;  // threads for parsing and rules; 0 means one per core
  // Input bytes parsed per batch before the model takes them; 0: automatic.
  std::size_t batch_bytes = 0;
  std::size_t max_file_bytes = std::size_t{256} << 20;
  // Files or folders of CustomResourceDefinitions read only as schemas for
  // custom resources (--crd), never linted.
  std::vector<std::string> crd_paths;
  bool run_rules = true;  // false: load and build the models only (queries)
  RenderOptions render;   // charts and kustomize folders
};

struct LintRun {
  Model model;
  std::unique_ptr<NamespaceModel> namespaces;  // built from `model`
  std::vector<Finding> findings;               // sorted
  std::vector<InputError> errors;              // unreadable paths: exit code 2
  std::vector<AcceptedException> accepted;     // exceptions that suppressed
  long today = 0;
  std::string stdin_text;  // what "-" read: writers may need its lines
  // The custom rules the findings may point at, kept alive with them.
  std::shared_ptr<const CustomRules> custom_rules;
};

// Today in days since 1970-01-01 (UTC).
long today_from_clock();

// Loads every path, builds the model and runs the rules. Chart and kustomize
// folders are rendered first (in parallel); with values sets, each set is
// linted as its own model and the findings are merged, labelled by set.
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
