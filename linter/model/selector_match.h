#pragma once

#include <array>
#include <string_view>
#include <utility>
#include <vector>

#include "linter/model/model.h"
#include "linter/model/object.h"

namespace launchlint {

// A simple label-selector evaluation over the objects of one namespace, on
// the model's namespace/kind index. The namespace model will replace it.

// The labels of an object or of the pods of a template, read in place: a
// labels map plus the pairs a controller adds (LeaderWorkerSet name,
// KServe InferenceService name, component and the InferenceService's own
// labels).
class Labels {
 public:
  explicit Labels(NodeRef labels_map) : own_(labels_map) {}
  // Found and its value set; false when the key is absent.
  bool get(std::string_view key, std::string_view* value) const;

 private:
  friend Labels pod_labels(const Object& object, const PodTemplate& pod);
  NodeRef own_;
  NodeRef inherited_;  // labels copied from the owning object (KServe)
  std::array<std::pair<std::string_view, std::string_view>, 2> added_{};
  std::size_t added_count_ = 0;
};

// The labels the pods of `pod` carry.
Labels pod_labels(const Object& object, const PodTemplate& pod);

// A metav1.LabelSelector (matchLabels and matchExpressions). An empty
// selector matches everything; a missing or malformed one matches nothing.
bool label_selector_matches(NodeRef selector, const Labels& labels);

// A Service-style selector (a plain map). Empty or missing matches nothing.
bool map_selector_matches(NodeRef selector, const Labels& labels);

// Objects of `group`/`kind` in `ns`, in input order.
const std::vector<const Object*>& objects_of(const Model& model,
                                             std::string_view ns,
                                             std::string_view group,
                                             std::string_view kind);

// Whether `selector` (LabelSelector) picks any pod of `object`.
bool selects_pods_of(NodeRef selector, const Object& object);

// Services of the object's namespace whose selector picks one of its pods.
std::vector<const Object*> services_selecting(const Model& model,
                                              const Object& object);

// Whether a Prometheus-operator style monitor (ServiceMonitor, PodMonitor,
// PodMonitoring) in `monitor`'s namespace watches namespace `ns`: its
// namespaceSelector (any / matchNames), else its own namespace.
bool monitor_watches_namespace(const Object& monitor, std::string_view ns);

// The HorizontalPodAutoscaler of the object's namespace whose scaleTargetRef
// names the object, or null.
const Object* autoscaler_of(const Model& model, const Object& object);

// The fewest replicas the workload runs: its HPA's minReplicas (default 1)
// when one scales it, else spec.replicas (default 1).
long long least_replicas(const Model& model, const Object& object);

}  // namespace launchlint
