#include "linter/rules/rule.h"

namespace launchlint {

// Reported while exceptions are applied (linter/review/exceptions.cc).
extern const Rule kUnusedException = {
    {"GEN202", "unused-exception", Area::General, Severity::Warning,
     "An exception suppresses no finding (stale): remove it."},
    nullptr};

}  // namespace launchlint
