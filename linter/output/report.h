#pragma once

#include <functional>
#include <map>
#include <ostream>
#include <span>
#include <string>
#include <vector>

#include "linter/load/inputs.h"
#include "linter/model/model.h"
#include "linter/review/review.h"
#include "linter/rules/rule.h"

namespace launchlint {

// Everything a writer needs. Findings are sorted.
struct Report {
  const std::vector<Finding>& findings;
  const ModelStats& stats;
  std::span<const Rule* const> rules;
  std::size_t objects = 0;
  const Review* review = nullptr;  // adds "workloads" and "decision" to JSON
  // Inputs that could not be read (exit code 2): JSON and SARIF record them.
  std::span<const InputError> errors = {};
};

struct Counts {
  std::size_t error = 0, warning = 0, info = 0;
  std::size_t suppressed = 0;
  std::size_t by_area[6] = {};
};
Counts count_findings(const std::vector<Finding>& findings);

std::string_view tool_version();

void write_text(std::ostream& out, const Report& report, bool color,
                bool summary = true);
// The summary line that ends text output: counts per severity and area.
void write_summary(std::ostream& out, const Report& report);
void write_json(std::ostream& out, const Report& report);
// GitHub Actions workflow commands (::error file=...::message), one per
// unsuppressed finding, then the summary line.
void write_github(std::ostream& out, const Report& report);
// Escaping of workflow commands: a message, and a property (file, title).
std::string github_escape_data(std::string_view text);
std::string github_escape_property(std::string_view text);

// The readiness matrix and the decision block, for a terminal or as
// GitHub-flavoured markdown (a pull-request comment or job summary).
void write_review_text(std::ostream& out, const Report& report, bool color);
void write_review_markdown(std::ostream& out, const Report& report);

struct SarifOptions {
  std::string category;  // automationDetails.id
  std::string root;      // %SRCROOT%: absolute folder; default: the current one
  // Text of inputs that are not files on disk (stdin, in-memory sources),
  // keyed by display name: SARIF columns count UTF-16 code units, so the
  // writer reads the lines of non-ASCII findings to convert byte columns.
  const std::map<std::string, std::string, std::less<>>* texts = nullptr;
};
// Results a SARIF run holds at most (GitHub code scanning's limit); the rest
// are left out with a toolExecutionNotification saying so.
inline constexpr std::size_t kSarifMaxResults = 25000;
void write_sarif(std::ostream& out, const Report& report,
                 const SarifOptions& options);

}  // namespace launchlint
