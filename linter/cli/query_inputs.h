#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "linter/lint/lint.h"

namespace launchlint {

// Loads the paths for a query command (no rules run). Prints unreadable
// paths and syntax errors to stderr; false when a path could not be read.
bool load_for_query(const std::vector<std::string>& paths, LintRun* run);

// Resolves "NS/KIND/NAME" (KIND in any case) to an object of the set;
// null with `error` set when malformed or absent.
const Object* find_workload(const LintRun& run, std::string_view spec,
                            std::string* error);

// "file:line" of a node or an object.
std::string where(NodeRef node);

}  // namespace launchlint
