// The loader's fuzz target: any bytes as one manifest file, through the real
// load path (encoding checks, document splitting, parsing, the model), every
// rule and every report format. What must hold for any input: findings sit
// inside the file, and JSON and SARIF output are JSON.
#include <string>

#include "fuzz/checks.h"
#include "fuzz/targets.h"
#include "linter/lint/lint.h"

namespace launchlint::fuzz {

void loader(std::string_view bytes) {
  std::string text(bytes);
  LintOptions options;
  options.jobs = 1;
  options.today = kToday;
  LintRun run = lint_texts({{"fuzz.yaml", text}}, options);
  check_locations(run.findings, "fuzz.yaml", text);
  Config config;
  write_reports(run, config, options, {{"fuzz.yaml", text}});
}

}  // namespace launchlint::fuzz
