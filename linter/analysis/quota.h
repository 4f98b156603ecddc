#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "linter/analysis/namespace_model.h"

namespace launchlint {

// How many pods one pod template of a workload runs (replicas; a
// LeaderWorkerSet's workers are replicas x (size - 1)).
long long template_pod_count(const Object& workload, const PodTemplate& pod);

// The most pods of the template that exist at once during a rolling update
// (replicas + maxSurge for a Deployment, Argo Rollout or LeaderWorkerSet),
// and the surge itself.
long long rollout_peak_pods(const Object& workload, const PodTemplate& pod,
                            long long* surge, NodeRef* surge_node);

// One pod's request of a resource: its containers' requests (a missing
// request defaults to the limit), the long-running ones summed, or the
// largest init container if that is more.
double pod_request(const PodTemplate& pod, std::string_view resource,
                   bool limits = false);

// Accelerator resource names a pod template asks for.
std::vector<std::string> pod_accelerator_names(const PodTemplate& pod);

// Whether a ResourceQuota's scopes cover a pod (BestEffort, NotBestEffort,
// Terminating, NotTerminating, PriorityClass); unknown scopes count as
// covering.
bool quota_covers(const Object& quota, const PodTemplate& pod);

// The quota's hard cap on `resource` ("nvidia.com/gpu": requests.<name> or
// limits.<name>; "cpu": requests.cpu or cpu), or false.
bool quota_cap(const Object& quota, std::string_view resource, double* hard,
               NodeRef* node);

// What the set's pods in a namespace use of one quota key ("requests.cpu",
// "limits.memory", "pods", "requests.nvidia.com/gpu"); false for keys it
// cannot count.
bool namespace_usage(const NamespaceModel& model, const NamespaceInfo& ns,
                     const Object& quota, std::string_view key, double* used);

}  // namespace launchlint
