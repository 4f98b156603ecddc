#include "linter/rules/rule.h"

namespace launchlint {

// Reported by the loader while it builds each mapping.
extern const Rule kDuplicateKey = {
    {"GEN002", "duplicate-key", Area::General, Severity::Error,
     "A mapping sets the same key twice; one of the values is lost."},
    nullptr};

}  // namespace launchlint
