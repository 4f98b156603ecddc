#pragma once

#include <vector>

#include "linter/rules/rule.h"

namespace launchlint {

// Runs every rule with a check on every object, the objects spread over
// `jobs` threads (0: one per core), and appends the findings to `findings`
// in no particular order: sort_findings orders them.
void run_rules(const LintContext& context, unsigned jobs,
               std::vector<Finding>* findings);

// Orders findings by file, line, column, rule id and message (then by
// everything else they show), so the output is the same whatever the order
// of work.
void sort_findings(std::vector<Finding>* findings);

}  // namespace launchlint
