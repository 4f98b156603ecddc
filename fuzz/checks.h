#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "linter/lint/lint.h"

// What the fuzz targets check of their results. A failed check throws
// CheckFailed: libFuzzer reports the uncaught exception as a crash with the
// input that caused it, a replaying test as a failure.
namespace launchlint::fuzz {

struct CheckFailed : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A fixed day for exception expiry, so a run does not depend on the clock.
inline constexpr long kToday = 20000;  // 2024-10-04

// `text` is JSON (in UTF-8).
void check_json(std::string_view text, std::string_view what);

// Findings in `file` point at a line of `text` and a column >= 1.
void check_locations(const std::vector<Finding>& findings,
                     std::string_view file, std::string_view text);

// Writes the run in every output format, as the CLI would (JSON with the
// review); JSON and SARIF must be JSON.
void write_reports(
    const LintRun& run, const Config& config, const LintOptions& options,
    const std::map<std::string, std::string, std::less<>>& texts);

}  // namespace launchlint::fuzz
