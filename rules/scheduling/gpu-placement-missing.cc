#include <fmt/format.h>

#include "linter/model/accelerators.h"
#include "linter/model/serving.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext&, const Object& object, Reporter& out) {
  for (const PodTemplate& pod : object.pods) {
    if (!uses_accelerators(pod) ||
        accelerator_placement(pod) != AcceleratorPlacement::None)
      continue;
    NodeRef selector = pod.spec["nodeSelector"];
    out.report(selector.is_map() ? selector : pod.spec,
               fmt::format("the pod{} asks for accelerators but does not "
                           "require GPU nodes: it can land on the wrong GPU "
                           "model or wait on a node pool without them; add a "
                           "nodeSelector or required node affinity on an "
                           "accelerator label such as nvidia.com/gpu.product "
                           "or cloud.google.com/gke-accelerator",
                           pod.role.empty() ? "" : " (" + pod.role + ")"));
  }
}

}  // namespace

extern const Rule kGpuPlacementMissing = {
    {"SCH003", "gpu-placement-missing", Area::Scheduling, Severity::Error,
     "A GPU pod has no nodeSelector or required node affinity on an "
     "accelerator node label."},
    check};

}  // namespace launchlint
