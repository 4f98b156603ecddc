// What schema validation costs: lints the given paths, then times, in the
// same process, a full lint against the schema walk of every object on its
// own (the walk the four schema rules share). Prints both in CPU seconds
// (steady under a loaded machine) and the walk's share of the lint.
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "linter/lint/lint.h"
#include "linter/schema/analysis.h"

namespace {
double cpu_seconds() {
  return static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}
}  // namespace

int main(int argc, char** argv) {
  using namespace launchlint;
  if (argc < 2) {
    std::fprintf(stderr, "usage: schema_bench PATH... [--crd PATH]\n");
    return 2;
  }
  LintOptions options;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--crd" && i + 1 < argc) {
      options.crd_paths.push_back(argv[++i]);
    } else {
      paths.push_back(arg);
    }
  }
  double start = cpu_seconds();
  LintRun run = lint_paths(paths, options);
  double lint = cpu_seconds() - start;

  start = cpu_seconds();
  SchemaAnalysis schemas(run.model, {});
  std::size_t violations = 0;
  for (const Object& o : run.model.objects)
    violations += schemas.violations(o).size();
  double walk = cpu_seconds() - start;

  std::printf(
      "objects %zu, bytes %zu\n"
      "lint (parse, model, every rule incl. schema): %.3f s CPU\n"
      "schema analysis + walk of every object:        %.3f s CPU "
      "(%zu violations)\n"
      "schema share of the lint:                      %.1f%%\n",
      run.model.objects.size(), run.model.stats.bytes, lint, walk, violations,
      lint > 0 ? 100.0 * walk / lint : 0.0);
  return 0;
}
