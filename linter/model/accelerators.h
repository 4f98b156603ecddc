#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "linter/model/object.h"

namespace launchlint {

// The cluster's own accelerator names beside the built-in ones: the config's
// `gpuResources` (extended resources a device plugin advertises) and
// `acceleratorNodeLabels` (node-label keys of GPU pools). An entry ending in
// '*' is a prefix.
struct AcceleratorVocabulary {
  std::vector<std::string> resources;
  std::vector<std::string> node_labels;

  bool is_resource(std::string_view name) const;
  bool is_node_label(std::string_view key, std::string_view value) const;
};

// The vocabulary a pod template was read with (the built-in names when the
// model was finished without one).
const AcceleratorVocabulary& accelerators_of(const PodTemplate& pod);

// Extended resources that are accelerators: nvidia.com/gpu, nvidia.com/mig-*,
// amd.com/gpu, google.com/tpu, habana.ai/gaudi, aws.amazon.com/neuron*, ...
bool is_accelerator_resource(std::string_view name);

// Extended resources (a domain-prefixed name outside kubernetes.io), for which
// Kubernetes requires requests to equal limits.
bool is_extended_resource(std::string_view name);

// Accelerators one container of `pod` asks for (limits, else requests),
// summed over every accelerator resource.
double container_accelerators(const PodTemplate& pod,
                              const Container& container);

// Accelerators one pod of the template asks for: the sum over its long-running
// containers, or the largest init container if that is more.
double pod_accelerators(const PodTemplate& pod);

// Node-label keys that place a pod on accelerator nodes:
// nvidia.com/gpu.product, nvidia.com/gpu.present,
// cloud.google.com/gke-accelerator, karpenter.k8s.aws/instance-gpu-name,
// node.kubernetes.io/instance-type, ... A key or value naming a GPU
// ("gpu", "accelerator", "nvidia", "tpu", ...) counts too: clusters label
// their GPU pools their own way (`pool: gpu-a100`).
bool is_accelerator_node_label(std::string_view key, std::string_view value);

// How a pod template is placed on accelerator nodes: by nodeName, a
// nodeSelector or required node affinity on an accelerator label (Required),
// by preferred affinity only (Preferred), or not at all (None).
enum class AcceleratorPlacement { None, Preferred, Required };
AcceleratorPlacement accelerator_placement(const PodTemplate& pod);

// Taint keys GPU node pools carry: nvidia.com/gpu, amd.com/gpu,
// aws.amazon.com/neuron, google.com/tpu, habana.ai/gaudi, sku (AKS), ...
bool is_accelerator_taint_key(std::string_view key);

// The platform adds the GPU toleration itself: GKE's accelerator node
// selectors (and its ExtendedResourceToleration admission).
bool platform_injects_accelerator_toleration(const PodTemplate& pod);

}  // namespace launchlint
