// libFuzzer target for the loader: any bytes, as one manifest file, go
// through encoding checks, document splitting, parsing, the model and every
// rule. Build: cmake -DLAUNCHLINT_FUZZ=ON with clang (scripts/fuzz_smoke.sh).
#include <cstddef>
#include <cstdint>
#include <string>

#include "linter/lint/lint.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  launchlint::LintOptions options;
  options.jobs = 1;
  // Small limits so the fuzzer reaches them instead of timing out.
  options.parse_limits.max_document_bytes = 64 << 10;
  options.parse_limits.max_nodes = 20'000;
  options.parse_limits.max_expanded_nodes = 100'000;
  std::string text(reinterpret_cast<const char*>(data), size);
  launchlint::LintRun run =
      launchlint::lint_texts({{"fuzz.yaml", std::move(text)}}, options);
  for (const launchlint::Finding& f : run.findings) {
    if (f.location.line == 0) __builtin_trap();  // every finding has a line
  }
  return 0;
}
