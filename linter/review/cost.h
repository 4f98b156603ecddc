#pragma once

#include <optional>
#include <string>

#include "linter/analysis/namespace_model.h"
#include "linter/config/config.h"
#include "linter/model/model.h"

namespace launchlint {

// What one replica set of a workload holds, and what it costs per hour.
struct CostEstimate {
  double gpus = 0, cpu_cores = 0, memory_gib = 0;  // per replica set
  double min_replicas = 1, max_replicas = 1;       // with an HPA, its bounds
  std::string gpu_product;  // from the node selector; "default" if unknown
  bool priced = false;      // the config has a price table
  // The table prices neither this product nor "default": its GPUs count 0.
  bool gpu_unpriced = false;
  double hourly_min = 0, hourly_max = 0;
  double monthly_min() const { return hourly_min * 730; }
  double monthly_max() const { return hourly_max * 730; }
};

// Requests (or limits when no request) of every long-running container of
// every pod the workload runs, times replicas (LeaderWorkerSet groups,
// InferenceService min/max replicas, Ray worker groups), priced with the
// config's table. An HPA or KEDA ScaledObject that targets the workload sets
// min and max.
CostEstimate estimate_cost(const NamespaceModel& namespaces,
                           const Object& workload, const Prices& prices);

}  // namespace launchlint
