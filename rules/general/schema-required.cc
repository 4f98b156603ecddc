#include "linter/rules/rule.h"
#include "linter/schema/analysis.h"

namespace launchlint {

namespace {

void check(const LintContext& context, const Object& object, Reporter& out) {
  if (!context.schemas) return;
  for (const SchemaViolation& v : context.schemas->violations(object)) {
    if (v.kind == ViolationKind::Required) out.report(v.at, v.message);
  }
}

}  // namespace

extern const Rule kSchemaRequired = {
    {"GEN022", "schema-required", Area::General, Severity::Error,
     "A field the API requires is missing or null."},
    check};

}  // namespace launchlint
