#include <fmt/format.h>

#include "linter/model/owners.h"
#include "linter/model/serving.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext& context, const Object& object, Reporter& out) {
  if (!is_model_server(object)) return;
  Owners owners = resolve_owners(context.model, context.settings.owners, object);
  if (!owners.rollback.name.empty()) return;
  NodeRef at = object.annotations().is_map() ? object.annotations()
                                             : object.metadata;
  out.report(at, fmt::format("{} is a model server with no rollback owner: "
                             "nobody is named to shift traffic back when the "
                             "new model misbehaves; annotate it (or its "
                             "namespace) with {}: <team>",
                             object.id.display(), kRollbackOwnerKey));
}

}  // namespace

extern const Rule kRollbackOwnerMissing = {
    {"ROL200", "rollback-owner-missing", Area::Rollout, Severity::Warning,
     "A model server names no rollback owner."},
    check};

}  // namespace launchlint
