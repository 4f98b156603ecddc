#include "linter/cli/query_inputs.h"

#include <iostream>

#include <fmt/format.h>

namespace launchlint {

bool load_for_query(const std::vector<std::string>& paths, LintRun* run) {
  LintOptions options;
  options.run_rules = false;
  std::vector<std::string> inputs = paths;
  if (inputs.empty()) inputs.push_back(".");
  *run = lint_paths(inputs, options);
  for (const InputError& e : run->errors)
    std::cerr << fmt::format("launchlint: error: {}: {}\n", e.path, e.message);
  for (const Finding& f : run->findings) {
    std::cerr << fmt::format("launchlint: warning: {}:{}:{}: {}\n",
                             f.location.file_name(), f.location.line,
                             f.location.column, f.message);
  }
  return run->errors.empty();
}

const Object* find_workload(const LintRun& run, std::string_view spec,
                            std::string* error) {
  std::size_t a = spec.find('/');
  std::size_t b = a == std::string_view::npos ? a : spec.find('/', a + 1);
  if (b == std::string_view::npos || a == 0 || b == a + 1 ||
      b + 1 >= spec.size()) {
    *error = fmt::format("\"{}\": expected NAMESPACE/KIND/NAME", spec);
    return nullptr;
  }
  std::string_view ns = spec.substr(0, a);
  std::string_view kind = spec.substr(a + 1, b - a - 1);
  std::string_view name = spec.substr(b + 1);
  const Object* o = run.namespaces->find_object(ns, kind, name);
  if (!o) *error = fmt::format("{}: no such object in the input", spec);
  return o;
}

std::string where(NodeRef node) {
  if (!node.valid()) return "built-in";
  return fmt::format("{}:{}", *node.document()->file, node.line());
}

}  // namespace launchlint
