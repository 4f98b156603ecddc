#pragma once

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "linter/model/object.h"

namespace launchlint {

class NamespaceModel;

// Which objects select which pod templates, computed once for the whole set
// through the namespaces' label indexes and kept both ways, so that neither
// "what does this Service reach" nor "what selects this pod" scans a
// namespace:
//   Service              spec.selector (a map; empty selects nothing)
//   PodDisruptionBudget  spec.selector ({} selects every pod)
//   PodMonitor           spec.selector in the namespaces it watches
//   ServiceMonitor       the pods behind the Services it selects
//   PodMonitoring        spec.selector in its namespace (Google Managed
//   ClusterPodMonitoring   Prometheus), or in every namespace
//   InferencePool        spec.selector (v1: a LabelSelector; v1alpha2: a
//                        plain map)
// A missing or malformed selector selects nothing. Also the autoscaler of
// each workload: a HorizontalPodAutoscaler, or a KEDA ScaledObject (which
// makes one).
class PodSelections {
 public:
  explicit PodSelections(const NamespaceModel& model);

  // Pods (indices into NamespaceModel::pods()) that `selector` selects, in
  // input order; empty for an object of another kind.
  std::span<const std::uint32_t> pods_of(const Object& selector) const;
  // The objects above that select pod `pod`, in input order.
  std::span<const Object* const> selecting(std::uint32_t pod) const {
    return std::span<const Object* const>(selecting_)
        .subspan(selecting_start_[pod],
                 selecting_start_[pod + 1] - selecting_start_[pod]);
  }
  // The Services a ServiceMonitor selects, in input order.
  std::span<const Object* const> services_of(const Object& monitor) const;
  // The HorizontalPodAutoscaler or ScaledObject whose scaleTargetRef names
  // `workload`, or null.
  const Object* autoscaler_of(const Object& workload) const;

 private:
  void add(const Object& selector, std::span<const std::uint32_t> pods);

  // Both directions are flat lists cut into ranges (a selector's pods; a
  // pod's selectors from selecting_start_[pod] to selecting_start_[pod + 1]):
  // a vector per selector and per pod cost more than the indices they held.
  struct Range {
    std::uint32_t first = 0, count = 0;
  };
  std::vector<std::uint32_t> selected_;
  std::unordered_map<const Object*, Range> pods_;
  std::vector<const Object*> selecting_;
  std::vector<std::uint32_t> selecting_start_;
  std::unordered_map<const Object*, std::vector<const Object*>> services_;
  std::unordered_map<const Object*, const Object*> autoscalers_;
};

// Whether a monitor's namespaceSelector (any / matchNames, else its own
// namespace) watches namespace `ns`. ClusterPodMonitoring watches all.
bool monitor_watches_namespace(const Object& monitor, std::string_view ns);

// Prometheus-operator and Google Managed Prometheus monitors. `pods` tells
// whether it selects pods directly (PodMonitor, PodMonitoring,
// ClusterPodMonitoring) rather than Services (ServiceMonitor).
bool is_monitor(const Object& object, bool* pods = nullptr);

bool is_inference_pool(const Object& object);

// The replicas an autoscaler (HorizontalPodAutoscaler or KEDA ScaledObject)
// keeps its target between, with each API's defaults.
struct ReplicaRange {
  long long min = 1, max = 1;
};
ReplicaRange autoscaler_range(const Object& autoscaler);

// The endpoints a monitor scrapes (endpoints or podMetricsEndpoints); none:
// it scrapes nothing.
NodeRef monitor_endpoints(const Object& monitor);

}  // namespace launchlint
