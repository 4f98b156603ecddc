#include <fmt/format.h>

#include "linter/model/accelerators.h"
#include "linter/model/serving.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

bool tolerates_accelerator_taint(NodeRef tolerations) {
  for (std::uint32_t i = 0; i < tolerations.size(); ++i) {
    NodeRef t = tolerations.at(i);
    std::string_view key = t["key"].str();
    if (key.empty() && t["operator"].str() == "Exists") return true;
    if (is_accelerator_taint_key(key)) return true;
  }
  return false;
}

void check(const LintContext&, const Object& object, Reporter& out) {
  for (const PodTemplate& pod : object.pods) {
    if (!uses_accelerators(pod)) continue;
    NodeRef tolerations = pod.spec["tolerations"];
    if (tolerates_accelerator_taint(tolerations) ||
        platform_injects_accelerator_toleration(pod))
      continue;
    out.report(tolerations.valid() ? tolerations : pod.spec,
               fmt::format("the pod{} asks for accelerators but tolerates no "
                           "GPU taint: on node pools tainted "
                           "nvidia.com/gpu:NoSchedule (the usual setup) it "
                           "stays Pending; add a toleration {{key: "
                           "nvidia.com/gpu, operator: Exists, effect: "
                           "NoSchedule}} (or your pool's taint)",
                           pod.role.empty() ? "" : " (" + pod.role + ")"));
  }
}

}  // namespace

extern const Rule kGpuTolerationMissing = {
    {"SCH005", "gpu-toleration-missing", Area::Scheduling, Severity::Warning,
     "A GPU pod has no toleration for the GPU node taint."},
    check};

}  // namespace launchlint
