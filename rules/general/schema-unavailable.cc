#include <fmt/format.h>

#include "linter/rules/rule.h"
#include "linter/schema/analysis.h"

namespace launchlint {

namespace {

void check(const LintContext& context, const Object& object, Reporter& out) {
  if (!context.schemas) return;
  const SchemaAnalysis::MissingKind* m = context.schemas->missing(object);
  if (!m) return;
  std::string what = m->count == 1 ? std::string("1 object")
                                   : fmt::format("{} objects", m->count);
  std::string why =
      m->crd_without_version
          ? fmt::format(
                "the CustomResourceDefinition of {} does not serve "
                "version {}",
                object.id.kind, object.version)
          : fmt::format("no CustomResourceDefinition for {} is loaded",
                        object.id.kind);
  out.report(object.root["kind"],
             fmt::format("{} of kind {} ({}) {} not schema-checked: {}; pass "
                         "the CRD with --crd PATH (a file or folder of CRDs) "
                         "to check them",
                         what, object.id.kind, object.id.api_version,
                         m->count == 1 ? "is" : "are", why));
}

}  // namespace

extern const Rule kSchemaUnavailable = {
    {"GEN025", "schema-unavailable", Area::General, Severity::Info,
     "Custom resources whose CustomResourceDefinition is not loaded: counted "
     "and listed once per kind, not schema-checked."},
    check};

}  // namespace launchlint
