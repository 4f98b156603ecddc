#pragma once

#include <vector>

#include "linter/model/object.h"

namespace launchlint {

// Every pod template an object runs: Pod, the apps and batch workloads,
// LeaderWorkerSet (leader and worker), KServe InferenceService components,
// ServingRuntime, LLMInferenceService, Ray clusters, jobs and services, and
// Argo Rollout.
std::vector<PodTemplate> find_pod_templates(const Object& object);

}  // namespace launchlint
