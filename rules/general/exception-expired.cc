#include "linter/rules/rule.h"

namespace launchlint {

// Reported while exceptions are applied (linter/review/exceptions.cc).
extern const Rule kExceptionExpired = {
    {"GEN201", "exception-expired", Area::General, Severity::Warning,
     "An accepted exception has expired; its findings are reported again."},
    nullptr};

}  // namespace launchlint
