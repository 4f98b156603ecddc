#pragma once

#include <string_view>

#include "linter/model/object.h"

namespace launchlint {

// Extended resources that are accelerators: nvidia.com/gpu, nvidia.com/mig-*,
// amd.com/gpu, google.com/tpu, habana.ai/gaudi, aws.amazon.com/neuron*, ...
bool is_accelerator_resource(std::string_view name);

// Extended resources (a domain-prefixed name outside kubernetes.io), for which
// Kubernetes requires requests to equal limits.
bool is_extended_resource(std::string_view name);

// Accelerators one container asks for (limits, else requests), summed over
// every accelerator resource.
double container_accelerators(const Container& container);

// Accelerators one pod of the template asks for: the sum over its long-running
// containers, or the largest init container if that is more.
double pod_accelerators(const PodTemplate& pod);

}  // namespace launchlint
