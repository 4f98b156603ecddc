#include <map>

#include <fmt/format.h>

#include "linter/analysis/namespace_model.h"
#include "linter/model/accelerators.h"
#include "linter/model/quantity.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

// Accelerators per replica, by resource name: for a LeaderWorkerSet, one
// leader plus size-1 workers per group.
std::map<std::string, double, std::less<>> replica_accelerators(
    const Object& w) {
  std::map<std::string, double, std::less<>> out;
  long long size = 1;
  w.spec()["leaderWorkerTemplate"]["size"].as_int(&size);
  bool has_leader = false;
  for (const PodTemplate& pod : w.pods) has_leader |= pod.role == "leader";
  for (const PodTemplate& pod : w.pods) {
    double copies = 1;
    if (pod.role == "worker")
      copies = has_leader ? static_cast<double>(size - 1)
                          : static_cast<double>(size);
    for (const Container& c : pod.containers) {
      if (c.is_init()) continue;
      // Quotas count requests; a limit alone implies an equal request.
      NodeRef requests = c.resources()["requests"];
      NodeRef limits = c.resources()["limits"];
      for (NodeRef list : {requests, limits}) {
        for (std::uint32_t i = 0; i < list.size(); ++i) {
          std::string_view name = list.key_at(i).str();
          double v = 0;
          if (list == limits && requests[name].valid()) continue;
          if (accelerators_of(pod).is_resource(name) &&
              parse_quantity(list.at(i), &v))
            out[std::string(name)] += v * copies;
        }
      }
    }
  }
  return out;
}

void check(const LintContext& context, const Object& object, Reporter& out) {
  if (!object.is("autoscaling", "HorizontalPodAutoscaler")) return;
  NodeRef max_node = object.spec()["maxReplicas"];
  long long max_replicas = 0;
  if (!max_node.as_int(&max_replicas) || max_replicas <= 0) return;
  const auto& quotas = context.model.of_kind(object.id.ns, "", "ResourceQuota");
  if (quotas.empty() || !context.namespaces) return;
  NodeRef ref = object.spec()["scaleTargetRef"];
  const Object* target = context.namespaces->find_object(
      object.id.ns, ref["kind"].str(), ref["name"].str());
  if (target == nullptr || !target->runs_pods()) return;
  auto per_replica = replica_accelerators(*target);
  for (const Object* q : quotas) {
    const Object& quota = *q;
    // Scoped quotas count only some pods: cannot tell here.
    if (quota.spec()["scopes"].valid() || quota.spec()["scopeSelector"].valid())
      continue;
    NodeRef hard = quota.spec()["hard"];
    for (const auto& [resource, gpus] : per_replica) {
      if (gpus <= 0) continue;
      for (std::string_view prefix : {"requests.", "limits.", ""}) {
        NodeRef cap = hard[std::string(prefix) + resource];
        double limit = 0;
        if (!parse_quantity(cap, &limit)) continue;
        double needed = gpus * static_cast<double>(max_replicas);
        if (needed <= limit) continue;
        out.report(max_node,
                   fmt::format("{} may scale {} to {} replicas of {} {} each "
                               "({} in all), but {} caps {}{} at {}: the "
                               "extra pods stay unscheduled and the scale-up "
                               "never comes; lower maxReplicas to {} or raise "
                               "the quota",
                               object.id.display(), target->id.display(),
                               max_replicas, gpus, resource, needed,
                               quota.id.display(), prefix, resource, cap.str(),
                               static_cast<long long>(limit / gpus)),
                   {{location_of(cap), "the namespace's GPU quota"},
                    {target->location(), "the scaled workload"}});
        break;
      }
    }
  }
}

}  // namespace

extern const Rule kAutoscalerExceedsGpuQuota = {
    {"CST003", "autoscaler-exceeds-gpu-quota", Area::Cost, Severity::Warning,
     "An autoscaler's maxReplicas times GPUs per pod exceeds the namespace's "
     "GPU quota."},
    check};

}  // namespace launchlint
