#include <map>

#include <fmt/format.h>

#include "linter/analysis/namespace_model.h"
#include "linter/analysis/quota.h"
#include "linter/model/serving.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

std::string number(double v) { return fmt::format("{:g}", v); }

void check(const LintContext& context, const Object& object, Reporter& out) {
  if (!context.namespaces || !uses_accelerators(object) || object.is_batch())
    return;
  const NamespaceInfo* ns = context.namespaces->find(object.id.ns);
  // Only quotas that cap an accelerator can be exceeded by one.
  if (!ns || ns->accelerator_quotas.empty()) return;
  // The templates that hold accelerators, and which: most workloads hold
  // none, and then no quota needs a look.
  std::vector<std::pair<const PodTemplate*, std::vector<std::string>>> gpus;
  for (const PodTemplate& pod : object.pods) {
    std::vector<std::string> names = pod_accelerator_names(pod);
    if (!names.empty()) gpus.emplace_back(&pod, std::move(names));
  }
  if (gpus.empty()) return;
  for (const Object* q : ns->accelerator_quotas) {
    // GPUs the workload holds at the peak of a rolling update, per resource.
    std::map<std::string, double> peak, steady;
    long long surge = 0;
    NodeRef surge_node;
    for (const auto& [pod, names] : gpus) {
      if (!quota_covers(*q, *pod)) continue;
      long long s = 0;
      NodeRef sn;
      long long pods = rollout_peak_pods(object, *pod, &s, &sn);
      surge = std::max(surge, s);
      if (sn.valid()) surge_node = sn;
      for (const std::string& gpu : names) {
        double per_pod = pod_request(*pod, gpu);
        peak[gpu] += per_pod * static_cast<double>(pods);
        steady[gpu] +=
            per_pod * static_cast<double>(template_pod_count(object, *pod));
      }
    }
    for (const auto& [gpu, need] : peak) {
      double hard = 0;
      NodeRef cap;
      if (!quota_cap(*q, gpu, &hard, &cap) || need <= hard) continue;
      NodeRef replicas = object.spec()["replicas"];
      NodeRef at = surge_node.valid() ? surge_node
                   : replicas.valid() ? replicas
                                      : object.spec();
      std::string what =
          steady[gpu] > hard
              ? fmt::format("even without a rollout its {} {} exceed",
                            number(steady[gpu]), gpu)
              : fmt::format(
                    "a rolling update needs (replicas + maxSurge {}) "
                    "x GPUs per pod = {} {}, more than",
                    surge, number(need), gpu);
      out.report(
          at,
          fmt::format("{}: {} the {} that ResourceQuota {} allows, so "
                      "the surge pods stay Pending and the rollout "
                      "never finishes; set maxSurge 0 with maxUnavailable "
                      "1, or raise the quota",
                      object.id.display(), what, number(hard), q->id.name),
          {{location_of(cap),
            fmt::format("ResourceQuota {} caps {}", q->id.name, gpu)}});
    }
  }
}

}  // namespace

extern const Rule kRolloutExceedsGpuQuota = {
    {"SCH104", "rollout-exceeds-gpu-quota", Area::Scheduling, Severity::Error,
     "A rolling update needs more GPUs than the namespace's ResourceQuota "
     "allows: (replicas + maxSurge) x GPUs per pod exceeds the cap."},
    check};

}  // namespace launchlint
