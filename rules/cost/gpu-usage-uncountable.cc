#include <fmt/format.h>

#include "linter/model/accelerators.h"
#include "linter/model/quantity.h"
#include "linter/model/serving.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

bool counted_resource(std::string_view name) {
  return name == "cpu" || name == "memory" || is_accelerator_resource(name);
}

// Resource values that are not quantities (a leftover template, "two").
void check_quantities(const PodTemplate& pod, const Container& c,
                      const Object& object, Reporter& out) {
  for (std::string_view part : {"requests", "limits"}) {
    NodeRef list = c.resources()[part];
    for (std::uint32_t i = 0; i < list.size(); ++i) {
      std::string_view name = list.key_at(i).str();
      if (!counted_resource(name)) continue;
      double v = 0;
      NodeRef value = list.at(i);
      if (parse_quantity(value, &v)) continue;
      out.report(value,
                 fmt::format("{} of {} {} {} \"{}\", which is not a "
                             "Kubernetes quantity: the GPU workload's usage "
                             "cannot be counted (and the API server rejects "
                             "it); write a number such as \"1\", \"500m\" or "
                             "\"16Gi\"",
                             pod.describe(c), object.id.display(),
                             part == "requests" ? "requests" : "limits", name,
                             value.str()));
    }
  }
}

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
    bool gpu_pod = uses_accelerators(pod);
    for (const Container& c : pod.containers) {
      NodeRef devices = env_var(c, "NVIDIA_VISIBLE_DEVICES");
      if (!agent && visible_devices(devices) &&
          container_accelerators(c) == 0) {
        out.report(
            devices,
            fmt::format("{} of {} sets NVIDIA_VISIBLE_DEVICES={} "
                        "without requesting nvidia.com/gpu: it uses "
                        "GPUs the scheduler and quotas never count, "
                        "shared with the pods that did request them; "
                        "request resources.limits.nvidia.com/gpu and "
                        "drop the variable",
                        pod.describe(c), object.id.display(), devices.str()));
        gpu_pod = true;
      }
    }
    if (gpu_pod) {
      for (const Container& c : pod.containers)
        check_quantities(pod, c, object, out);
    }
    // Dynamic resource allocation: a device request taking every device.
    NodeRef claims = pod.spec["resourceClaims"];
    for (std::uint32_t i = 0; i < claims.size(); ++i) {
      std::string_view name = claims.at(i)["resourceClaimTemplateName"].str();
      if (name.empty()) continue;
      for (const Object* template_object : context.model.objects_of(
               object.id.ns, "resource.k8s.io", "ResourceClaimTemplate")) {
        const Object& t = *template_object;
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
