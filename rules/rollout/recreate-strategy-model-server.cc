#include <fmt/format.h>

#include "linter/analysis/namespace_model.h"
#include "linter/model/serving.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext& context, const Object& object, Reporter& out) {
  if (!object.is("apps", "Deployment")) return;
  NodeRef type = object.spec()["strategy"]["type"];
  if (type.str() != "Recreate") return;
  ServerKind server = object_server(object);
  if (server == ServerKind::None) return;
  if (!context.namespaces) return;
  long long replicas = context.namespaces->least_replicas(object);
  if (replicas < 2) return;
  out.report(type,
             fmt::format("{} runs {} {} replicas with strategy Recreate: "
                         "every rollout stops all of them before any new pod "
                         "loads the model, an outage of several minutes; use "
                         "RollingUpdate with maxUnavailable below the replica "
                         "count",
                         object.id.display(), replicas, to_string(server)));
}

}  // namespace

extern const Rule kRecreateStrategyModelServer = {
    {"ROL006", "recreate-strategy-model-server", Area::Rollout,
     Severity::Warning,
     "A multi-replica model server Deployment uses the Recreate strategy."},
    check};

}  // namespace launchlint
