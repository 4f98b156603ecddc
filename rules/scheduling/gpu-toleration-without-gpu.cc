#include <fmt/format.h>

#include "linter/model/accelerators.h"
#include "linter/model/serving.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext&, const Object& object, Reporter& out) {
  // Node agents must run on GPU nodes; runtimes get resources from the
  // InferenceService that uses them.
  if (object.is("apps", "DaemonSet") ||
      object.is("serving.kserve.io", "ServingRuntime") ||
      object.is("serving.kserve.io", "ClusterServingRuntime"))
    return;
  for (const PodTemplate& pod : object.pods) {
    if (uses_accelerators(pod) || pod.spec["resourceClaims"].size() > 0)
      continue;
    NodeRef tolerations = pod.spec["tolerations"];
    for (std::uint32_t i = 0; i < tolerations.size(); ++i) {
      NodeRef t = tolerations.at(i);
      std::string_view key = t["key"].str();
      if (!is_accelerator_taint_key(key)) continue;
      if ((key == "sku" || key == "gpu") && t["value"].valid() &&
          t["value"].str().find("gpu") == std::string_view::npos &&
          t["value"].str() != "true")
        continue;
      out.report(
          t, fmt::format("the pod{} asks for no accelerator but "
                         "tolerates the GPU taint {}: it can take CPU "
                         "and memory on scarce GPU nodes and block "
                         "model servers from scheduling; remove the "
                         "toleration",
                         pod.role.empty() ? "" : " (" + pod.role + ")", key));
      break;
    }
  }
}

}  // namespace

extern const Rule kGpuTolerationWithoutGpu = {
    {"SCH006", "gpu-toleration-without-gpu", Area::Scheduling,
     Severity::Warning,
     "A workload that asks for no accelerator tolerates a GPU node taint."},
    check};

}  // namespace launchlint
