#include <fmt/format.h>

#include "linter/model/accelerators.h"
#include "linter/model/serving.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext&, const Object& object, Reporter& out) {
  for (const PodTemplate& pod : object.pods) {
    if (!uses_accelerators(pod) ||
        accelerator_placement(pod) != AcceleratorPlacement::Preferred)
      continue;
    out.report(pod.spec["affinity"]["nodeAffinity"]
                       ["preferredDuringSchedulingIgnoredDuringExecution"],
               fmt::format("the pod{} only prefers accelerator nodes: when "
                           "they are full it is placed on any node with a "
                           "free GPU, whatever its model; make the term "
                           "requiredDuringSchedulingIgnoredDuringExecution "
                           "or add a nodeSelector",
                           pod.role.empty() ? "" : " (" + pod.role + ")"));
  }
}

}  // namespace

extern const Rule kGpuPlacementPreferredOnly = {
    {"SCH004", "gpu-placement-preferred-only", Area::Scheduling,
     Severity::Warning,
     "A GPU pod only prefers accelerator nodes (preferred node affinity)."},
    check};

}  // namespace launchlint
