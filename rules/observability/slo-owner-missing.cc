#include <fmt/format.h>

#include "linter/model/owners.h"
#include "linter/model/serving.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext& context, const Object& object, Reporter& out) {
  if (!is_model_server(object)) return;
  Owners owners = resolve_owners(context.model, context.settings.owners, object);
  if (!owners.slo.name.empty()) return;
  NodeRef at = object.annotations().is_map() ? object.annotations()
                                             : object.metadata;
  out.report(at, fmt::format("{} is a model server with no SLO owner: nobody "
                             "is named to watch time-to-first-token, tokens/s "
                             "and error rate after launch; annotate it (or "
                             "its namespace) with {}: <team>",
                             object.id.display(), kSloOwnerKey));
}

}  // namespace

extern const Rule kSloOwnerMissing = {
    {"OBS200", "slo-owner-missing", Area::Observability, Severity::Warning,
     "A model server names no SLO owner."},
    check};

}  // namespace launchlint
