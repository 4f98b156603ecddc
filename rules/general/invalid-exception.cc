#include "linter/rules/rule.h"

namespace launchlint {

// Reported while exceptions are applied (linter/review/exceptions.cc).
extern const Rule kInvalidException = {
    {"GEN200", "invalid-exception", Area::General, Severity::Warning,
     "An exception annotation has no reason, names no rule, or has a bad "
     "expiry date, so it suppresses nothing."},
    nullptr};

}  // namespace launchlint
