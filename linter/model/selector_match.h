#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "linter/model/model.h"
#include "linter/model/object.h"

namespace launchlint {

// A simple, unindexed label-selector evaluation over the objects of one
// namespace. The namespace model will replace it with an indexed version.

using LabelSet = std::map<std::string, std::string, std::less<>>;

LabelSet labels_of(NodeRef labels_map);

// The labels the pods of `pod` carry: the template's labels plus those their
// controller adds (LeaderWorkerSet name, KServe InferenceService name and
// the InferenceService's own labels).
LabelSet pod_labels(const Object& object, const PodTemplate& pod);

// A metav1.LabelSelector (matchLabels and matchExpressions). An empty
// selector matches everything; a missing or malformed one matches nothing.
bool label_selector_matches(NodeRef selector, const LabelSet& labels);

// A Service-style selector (a plain map). Empty or missing matches nothing.
bool map_selector_matches(NodeRef selector, const LabelSet& labels);

// Objects of `group`/`kind` in `ns`, in input order.
std::vector<const Object*> objects_of(const Model& model, std::string_view ns,
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
