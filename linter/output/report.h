#pragma once

#include <ostream>
#include <span>
#include <string>
#include <vector>

#include "linter/model/model.h"
#include "linter/rules/rule.h"

namespace launchlint {

// Everything a writer needs. Findings are sorted.
struct Report {
  const std::vector<Finding>& findings;
  const ModelStats& stats;
  std::span<const Rule* const> rules;
  std::size_t objects = 0;
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
void write_json(std::ostream& out, const Report& report);

struct SarifOptions {
  std::string category;      // automationDetails.id
  std::string root;          // %SRCROOT%: absolute folder, ends with '/'
};
void write_sarif(std::ostream& out, const Report& report,
                 const SarifOptions& options);

}  // namespace launchlint
