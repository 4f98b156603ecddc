#include "linter/rules/rule.h"

namespace launchlint {

// Reported by the chart renderer: `helm template` stopped at a template line.
extern const Rule kHelmTemplateError = {
    {"GEN050", "helm-template-error", Area::General, Severity::Error,
     "A Helm chart does not render: a template fails at a line."},
    nullptr};

}  // namespace launchlint
