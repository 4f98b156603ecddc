#include "linter/rules/rule.h"
#include "linter/schema/analysis.h"

namespace launchlint {

namespace {

void check(const LintContext& context, const Object& object, Reporter& out) {
  if (!context.schemas) return;
  for (const SchemaViolation& v : context.schemas->violations(object)) {
    if (v.kind == ViolationKind::Enum) out.report(v.at, v.message);
  }
}

}  // namespace

extern const Rule kSchemaEnum = {
    {"GEN023", "schema-enum", Area::General, Severity::Error,
     "A value outside the set the API allows for its field."},
    check};

}  // namespace launchlint
