#include "linter/rules/rule.h"
#include "linter/schema/analysis.h"

namespace launchlint {

namespace {

void check(const LintContext& context, const Object& object, Reporter& out) {
  if (!context.schemas) return;
  for (const SchemaViolation& v : context.schemas->violations(object)) {
    if (v.kind == ViolationKind::Type) out.report(v.at, v.message);
  }
}

}  // namespace

extern const Rule kSchemaType = {
    {"GEN021", "schema-type", Area::General, Severity::Error,
     "A value of the wrong type for its field, such as a string where the API "
     "wants an integer."},
    check};

}  // namespace launchlint
