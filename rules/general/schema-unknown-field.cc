#include "linter/rules/rule.h"
#include "linter/schema/analysis.h"

namespace launchlint {

namespace {

void check(const LintContext& context, const Object& object, Reporter& out) {
  if (!context.schemas) return;
  for (const SchemaViolation& v : context.schemas->violations(object)) {
    if (v.kind == ViolationKind::UnknownField) out.report(v.at, v.message);
  }
}

}  // namespace

extern const Rule kSchemaUnknownField = {
    {"GEN020", "schema-unknown-field", Area::General, Severity::Error,
     "A field the API does not define: kubectl rejects the apply, or the "
     "setting is silently dropped."},
    check};

}  // namespace launchlint
