#include <fmt/format.h>

#include "linter/model/probes.h"
#include "linter/model/serving.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

// Loading weights onto GPUs and compiling graphs takes minutes; a liveness
// probe that gives up sooner restarts the server while it loads.
constexpr long long kLoadSeconds = 300;

void check(const LintContext&, const Object& object, Reporter& out) {
  // KubeRay starts the Ray processes and manages their probes.
  if (object.group == "ray.io") return;
  for (const PodTemplate& pod : object.pods) {
    if (!answers_requests(object, pod)) continue;
    const Container* c = server_container(pod);
    if (c == nullptr || !server_traits(container_server(*c)).loads_at_start)
      continue;
    NodeRef liveness = c->node["livenessProbe"];
    if (!liveness.is_map() || c->node["startupProbe"].is_map()) continue;
    long long budget = probe_budget_seconds(liveness);
    if (budget >= kLoadSeconds) continue;
    out.report(liveness,
               fmt::format("{} runs {} with a livenessProbe that kills it "
                           "after {}s and no startupProbe: loading the model "
                           "takes longer, so the pod restarts in a loop while "
                           "it loads; add a startupProbe whose "
                           "failureThreshold x periodSeconds covers loading "
                           "(at least {}s)",
                           pod.describe(*c), to_string(container_server(*c)),
                           budget, kLoadSeconds));
  }
}

}  // namespace

extern const Rule kLivenessProbeWithoutStartupProbe = {
    {"ROL008", "liveness-probe-without-startup-probe", Area::Rollout,
     Severity::Warning,
     "A model server has a liveness probe but no startup probe or initial "
     "delay long enough to load the model."},
    check};

}  // namespace launchlint
