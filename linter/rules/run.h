#pragma once

#include <vector>

#include "linter/rules/rule.h"

namespace launchlint {

// Runs every rule with a check on every object; findings come back sorted.
std::vector<Finding> run_rules(const LintContext& context);

// Orders findings by file, line, column
// and rule id, so output is the same whatever the order of work.
void sort_findings(std::vector<Finding>* findings);

}  // namespace launchlint
