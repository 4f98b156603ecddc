#pragma once

#include <memory>
#include <string>
#include <vector>

#include "linter/config/config.h"
#include "linter/rules/custom_rule.h"

namespace launchlint {

// Compiles the config's `customRules` list (already checked against the
// schema): paths parsed, patterns compiled, quantities read, ids checked
// against the built-in rules and each other. Every problem is a ConfigError
// at its node; the result is only meant to be used when there are none.
std::shared_ptr<const CustomRules> compile_custom_rules(
    NodeRef list, const std::string& source, std::vector<ConfigError>* errors);

}  // namespace launchlint
