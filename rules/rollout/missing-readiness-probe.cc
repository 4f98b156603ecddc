#include <fmt/format.h>

#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext&, const Object& object, Reporter& out) {
  if (object.is_batch() || object.group == "ray.io") return;
  bool has_leader = false;
  for (const PodTemplate& pod : object.pods) has_leader |= pod.role == "leader";
  for (const PodTemplate& pod : object.pods) {
    // LeaderWorkerSet workers do not serve when a leader template exists.
    if (has_leader && pod.role == "worker") continue;
    for (const Container& c : pod.containers) {
      if (c.kind != ContainerKind::Main || c.from_runtime) continue;
      if (c.node["readinessProbe"].is_map()) continue;
      out.report(c.node,
                 fmt::format("{} has no readinessProbe: traffic reaches pods "
                             "before the model is loaded and a rollout "
                             "cannot tell a broken revision; add an HTTP "
                             "readinessProbe on the server's health endpoint",
                             pod.describe(c)));
    }
  }
}

}  // namespace

extern const Rule kMissingReadinessProbe = {
    {"ROL002", "missing-readiness-probe", Area::Rollout, Severity::Warning,
     "A serving container has no readiness probe."},
    check};

}  // namespace launchlint
