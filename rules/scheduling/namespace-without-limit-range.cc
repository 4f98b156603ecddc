#include <fmt/format.h>

#include "linter/analysis/namespace_model.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext& context, const Object& object, Reporter& out) {
  if (!context.namespaces || !object.is("", "Namespace")) return;
  const NamespaceInfo* ns = context.namespaces->find(object.id.name);
  if (!ns || ns->object != &object || ns->pods.empty()) return;
  if (!ns->limit_ranges.empty()) return;
  NodeRef at =
      object.metadata["name"].valid() ? object.metadata["name"] : object.root;
  out.report(at, fmt::format("namespace {} has no LimitRange: containers "
                             "that set no requests get none, and a quota on "
                             "requests rejects them; add a LimitRange with "
                             "defaultRequest and default for cpu and memory",
                             ns->name));
}

}  // namespace

extern const Rule kNamespaceWithoutLimitRange = {
    {"SCH103", "namespace-without-limit-range", Area::Scheduling,
     Severity::Info,
     "A namespace the input defines and runs workloads in has no LimitRange."},
    check};

}  // namespace launchlint
