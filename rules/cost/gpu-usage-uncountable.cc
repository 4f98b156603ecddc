#include <fmt/format.h>

#include "linter/model/accelerators.h"
#include "linter/model/serving.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

bool visible_devices(NodeRef value) {
  std::string_view v = value.str();
  return value.is_scalar() && !v.empty() && v != "void" && v != "none";
}

// A DRA device request for accelerators, by its device class name.
bool accelerator_class(NodeRef request) {
  std::string_view name = request["exactly"].valid()
                              ? request["exactly"]["deviceClassName"].str()
                              : request["deviceClassName"].str();
  for (std::string_view word :
       {"gpu", "tpu", "gaudi", "neuron", "accelerator"}) {
    if (name.find(word) != std::string_view::npos) return true;
  }
  return false;
}

void check(const LintContext& context, const Object& object, Reporter& out) {
  // Node agents (device plugins, exporters) see GPUs on purpose.
  bool agent = object.is("apps", "DaemonSet");
  for (const PodTemplate& pod : object.pods) {
    for (const Container& c : pod.containers) {
      NodeRef devices = env_var(c, "NVIDIA_VISIBLE_DEVICES");
      if (!agent && visible_devices(devices) &&
          container_accelerators(pod, c) == 0) {
        out.report(
            devices,
            fmt::format("{} of {} sets NVIDIA_VISIBLE_DEVICES={} "
                        "without requesting nvidia.com/gpu: it uses "
                        "GPUs the scheduler and quotas never count, "
                        "shared with the pods that did request them; "
                        "request resources.limits.nvidia.com/gpu and "
                        "drop the variable",
                        pod.describe(c), object.id.display(), devices.str()));
      }
    }
    // Dynamic resource allocation: a device request taking every device.
    NodeRef claims = pod.spec["resourceClaims"];
    for (std::uint32_t i = 0; i < claims.size(); ++i) {
      std::string_view name = claims.at(i)["resourceClaimTemplateName"].str();
      if (name.empty()) continue;
      for (const Object* claim : context.model.of_kind(
               object.id.ns, "resource.k8s.io", "ResourceClaimTemplate")) {
        const Object& t = *claim;
        if (t.id.name != name) continue;
        NodeRef requests = t.spec()["spec"]["devices"]["requests"];
        for (std::uint32_t r = 0; r < requests.size(); ++r) {
          NodeRef request = requests.at(r);
          NodeRef mode = request["exactly"].valid()
                             ? request["exactly"]["allocationMode"]
                             : request["allocationMode"];
          if (mode.str() != "All" || !accelerator_class(request)) continue;
          out.report(claims.at(i),
                     fmt::format("{} claims devices through {} whose request "
                                 "\"{}\" uses allocationMode: All: the pod "
                                 "takes every matching device of its node, so "
                                 "its GPU count depends on the node; request "
                                 "an exact count",
                                 object.id.display(), t.id.display(),
                                 request["name"].str()),
                     {{location_of(mode), "allocationMode: All"}});
        }
      }
    }
  }
}

}  // namespace

extern const Rule kGpuUsageUncountable = {
    {"CST002", "gpu-usage-uncountable", Area::Cost, Severity::Warning,
     "A GPU workload's GPUs, CPU or memory cannot be counted from its "
     "manifest."},
    check};

}  // namespace launchlint
