#pragma once

#include <vector>

#include "linter/lint/lint.h"

namespace launchlint {

// Adds the objects and findings of another values set's run to `run`.
void merge_runs(LintRun&& other, LintRun* run);

// Keeps one of each finding that several values sets report at the same
// place, labelled with every set's name ("dev, prod").
void merge_duplicate_findings(std::vector<Finding>* findings);

}  // namespace launchlint
