#pragma once

#include <vector>

#include "linter/rules/rule.h"

namespace launchlint {

// Runs every rule with a check on every object, the objects spread over
// `jobs` threads (0: one per core); findings come back sorted, the same
// whatever the number of threads.
std::vector<Finding> run_rules(const LintContext& context, unsigned jobs = 1);

// Orders findings by file, line, column
// and rule id, so output is the same whatever the order of work.
void sort_findings(std::vector<Finding>* findings);

}  // namespace launchlint
