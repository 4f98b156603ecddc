#pragma once

#include <string>
#include <vector>

#include "linter/config/config.h"
#include "linter/model/model.h"
#include "linter/rules/rule.h"

namespace launchlint {

inline constexpr std::string_view kIgnorePrefix = "ignore-check.launchlint.io/";
inline constexpr std::string_view kExceptionExpiresKey =
    "launchlint.io/exception-expires";
inline constexpr std::string_view kExceptionOwnerKey =
    "launchlint.io/exception-owner";

// An exception that suppressed at least one finding.
struct AcceptedException {
  std::string rule;  // rule id
  ObjectId object;   // empty kind for a config entry matching several objects
  std::string reason, owner, expires;
  bool from_config = false;
  Location location;  // the annotation or the config entry
};

// Applies inline `ignore-check.launchlint.io/<RULE>` annotations and the
// config's exceptions to `findings` (marking them suppressed) and adds
// findings for exceptions without a reason, expired ones and unused ones.
// `today` is days since 1970-01-01.
std::vector<AcceptedException> apply_exceptions(const Model& model,
                                                const Config& config,
                                                long today,
                                                std::vector<Finding>* findings);

// Drops findings of rules the config turns off and applies severity
// overrides.
void apply_rule_settings(const Config& config, std::vector<Finding>* findings);

}  // namespace launchlint
