#include <fmt/format.h>

#include "linter/analysis/namespace_model.h"
#include "linter/analysis/pod_selections.h"
#include "linter/model/serving.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

bool replicated_kind(const Object& o) {
  return (o.group == "apps" &&
          (o.id.kind == "Deployment" || o.id.kind == "StatefulSet")) ||
         (o.group == "argoproj.io" && o.id.kind == "Rollout") ||
         (o.group == "leaderworkerset.x-k8s.io" &&
          o.id.kind == "LeaderWorkerSet");
}

void check(const LintContext& context, const Object& object, Reporter& out) {
  if (!replicated_kind(object)) return;
  ServerKind server = object_server(object);
  if (server == ServerKind::None) return;
  if (!context.namespaces) return;
  const NamespaceModel& model = *context.namespaces;
  long long replicas = model.least_replicas(object);
  if (replicas < 2) return;
  for (std::uint32_t p : model.pods_of(object)) {
    for (const Object* selector : model.selections().selecting(p)) {
      if (selector->is("policy", "PodDisruptionBudget")) return;
    }
  }
  NodeRef at = object.spec()["replicas"];
  out.report(at.valid() ? at : object.spec(),
             fmt::format("{} runs {} {} replicas and no "
                         "PodDisruptionBudget selects its pods: a node drain "
                         "or cluster upgrade may evict every replica at once; "
                         "add a PodDisruptionBudget with maxUnavailable: 1 "
                         "selecting its pod labels",
                         object.id.display(), replicas, to_string(server)));
}

}  // namespace

extern const Rule kMissingPodDisruptionBudget = {
    {"ROL013", "missing-pod-disruption-budget", Area::Rollout,
     Severity::Warning,
     "A multi-replica model server has no PodDisruptionBudget."},
    check};

}  // namespace launchlint
