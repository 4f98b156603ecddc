#include "linter/review/cost.h"

#include <array>
#include <string>
#include <vector>

#include "linter/analysis/pod_selections.h"
#include "linter/model/accelerators.h"
#include "linter/model/quantity.h"

namespace launchlint {

namespace {

constexpr std::array<std::string_view, 5> kProductLabels = {
    "nvidia.com/gpu.product", "cloud.google.com/gke-accelerator",
    "karpenter.k8s.aws/instance-gpu-name", "node.kubernetes.io/instance-type",
    "beta.kubernetes.io/instance-type"};

double resource(const Container& c, std::string_view name) {
  double v = 0;
  NodeRef r = c.resources();
  if (parse_quantity(r["requests"][name], &v)) return v;
  if (parse_quantity(r["limits"][name], &v)) return v;
  return 0;
}

double number(NodeRef node, double fallback) {
  long long n = 0;
  return node.as_int(&n) ? static_cast<double>(n) : fallback;
}

// Pods of one template per replica of the workload.
double pods_per_replica(const Object& o, const PodTemplate& pod,
                        bool has_leader) {
  if (o.group == "leaderworkerset.x-k8s.io") {
    double size = number(o.spec()["leaderWorkerTemplate"]["size"], 1);
    if (pod.role == "leader") return 1;
    return has_leader ? size - 1 : size;
  }
  return 1;
}

// Label keys naming the GPU model of a node: the built-in ones, then the
// config's acceleratorNodeLabels (prefix entries cannot name one).
std::vector<std::string_view> product_labels(const PodTemplate& pod) {
  std::vector<std::string_view> keys(kProductLabels.begin(),
                                     kProductLabels.end());
  for (const std::string& key : accelerators_of(pod).node_labels) {
    if (!key.ends_with('*')) keys.push_back(key);
  }
  return keys;
}

std::string gpu_product(const PodTemplate& pod) {
  std::vector<std::string_view> keys = product_labels(pod);
  NodeRef selector = pod.spec["nodeSelector"];
  for (std::string_view key : keys) {
    if (selector[key].is_scalar()) return std::string(selector[key].str());
  }
  NodeRef terms = pod.spec["affinity"]["nodeAffinity"]
                          ["requiredDuringSchedulingIgnoredDuringExecution"]
                          ["nodeSelectorTerms"];
  for (std::uint32_t t = 0; t < terms.size(); ++t) {
    NodeRef exprs = terms.at(t)["matchExpressions"];
    for (std::uint32_t e = 0; e < exprs.size(); ++e) {
      NodeRef x = exprs.at(e);
      for (std::string_view key : keys) {
        if (x["key"].str() == key && x["operator"].str() == "In" &&
            x["values"].size() > 0)
          return std::string(x["values"].at(0).str());
      }
    }
  }
  return {};
}

}  // namespace

CostEstimate estimate_cost(const NamespaceModel& namespaces, const Object& o,
                           const Prices& prices) {
  CostEstimate est;
  bool has_leader = false;
  for (const PodTemplate& pod : o.pods) has_leader |= pod.role == "leader";
  double fixed = 0;  // pods that do not scale with replicas (Ray head)
  double fixed_cost_gpus = 0, fixed_cpu = 0, fixed_mem = 0;
  for (const PodTemplate& pod : o.pods) {
    double gpus = pod_accelerators(pod);
    double cpu = 0, mem = 0;
    for (const Container& c : pod.containers) {
      if (!c.long_running()) continue;
      cpu += resource(c, "cpu");
      mem += resource(c, "memory") / 1073741824.0;
    }
    if (est.gpu_product.empty() && gpus > 0) est.gpu_product = gpu_product(pod);
    double count = pods_per_replica(o, pod, has_leader);
    if (o.group == "ray.io" && pod.role.starts_with("worker")) {
      // Worker groups carry their own replica counts.
      NodeRef groups = o.id.kind == "RayCluster" ? o.spec()["workerGroupSpecs"]
                       : o.id.kind == "RayService"
                           ? o.spec()["rayClusterConfig"]["workerGroupSpecs"]
                           : o.spec()["rayClusterSpec"]["workerGroupSpecs"];
      for (std::uint32_t i = 0; i < groups.size(); ++i) {
        if (groups.at(i)["template"] == pod.holder)
          count = number(groups.at(i)["replicas"],
                         number(groups.at(i)["minReplicas"], 1));
      }
    }
    if (o.group == "ray.io") {
      fixed += count;
      fixed_cost_gpus += gpus * count;
      fixed_cpu += cpu * count;
      fixed_mem += mem * count;
      continue;
    }
    est.gpus += gpus * count;
    est.cpu_cores += cpu * count;
    est.memory_gib += mem * count;
  }
  if (est.gpu_product.empty()) est.gpu_product = "default";

  double replicas = o.replicas();
  if (o.is("serving.kserve.io", "InferenceService")) {
    NodeRef predictor = o.spec()["predictor"];
    est.min_replicas = number(predictor["minReplicas"], 1);
    est.max_replicas = number(predictor["maxReplicas"], est.min_replicas);
  } else {
    est.min_replicas = est.max_replicas = replicas;
  }
  if (const Object* scaler = namespaces.selections().autoscaler_of(o)) {
    ReplicaRange range = autoscaler_range(*scaler);
    est.min_replicas = static_cast<double>(range.min);
    est.max_replicas = static_cast<double>(range.max);
  }
  if (fixed > 0) {
    est.gpus += fixed_cost_gpus;
    est.cpu_cores += fixed_cpu;
    est.memory_gib += fixed_mem;
    est.min_replicas = est.max_replicas = 1;
  }

  est.priced = prices.set;
  if (prices.set) {
    auto it = prices.gpu.find(est.gpu_product);
    if (it == prices.gpu.end()) it = prices.gpu.find("default");
    est.gpu_unpriced = est.gpus > 0 && it == prices.gpu.end();
    double gpu_price = it == prices.gpu.end() ? 0 : it->second;
    double per_replica = est.gpus * gpu_price +
                         est.cpu_cores * prices.cpu_core +
                         est.memory_gib * prices.memory_gib;
    est.hourly_min = per_replica * est.min_replicas;
    est.hourly_max = per_replica * est.max_replicas;
  }
  return est;
}

}  // namespace launchlint
