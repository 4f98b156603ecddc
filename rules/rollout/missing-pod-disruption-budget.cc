#include <fmt/format.h>

#include "linter/model/selector_match.h"
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
  long long replicas = least_replicas(context.model, object);
  if (replicas < 2) return;
  for (const Object* pdb : objects_of(context.model, object.id.ns, "policy",
                                      "PodDisruptionBudget")) {
    if (selects_pods_of(pdb->spec()["selector"], object)) return;
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
