#include "linter/model/accelerators.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "linter/model/quantity.h"

namespace launchlint {

bool is_accelerator_resource(std::string_view name) {
  static constexpr std::array<std::string_view, 5> kExact = {
      "nvidia.com/gpu", "amd.com/gpu", "google.com/tpu", "habana.ai/gaudi",
      "intel.com/gpu"};
  static constexpr std::array<std::string_view, 7> kPrefixes = {
      "nvidia.com/mig-",       "nvidia.com/gpu.", "aws.amazon.com/neuron",
      "gpu.intel.com/",        "habana.ai/",      "amd.com/gpu",
      "cloud-tpus.google.com/"};
  if (std::find(kExact.begin(), kExact.end(), name) != kExact.end())
    return true;
  return std::any_of(kPrefixes.begin(), kPrefixes.end(),
                     [&](std::string_view p) { return name.starts_with(p); });
}

bool is_extended_resource(std::string_view name) {
  std::size_t slash = name.find('/');
  if (slash == std::string_view::npos) return false;
  std::string_view domain = name.substr(0, slash);
  if (domain == "kubernetes.io" || domain.ends_with(".kubernetes.io"))
    return false;
  return !name.starts_with("requests.");
}

namespace {

bool matches_entry(std::string_view entry, std::string_view name) {
  if (entry.ends_with('*')) {
    return name.starts_with(entry.substr(0, entry.size() - 1));
  }
  return entry == name;
}

bool matches_any(const std::vector<std::string>& entries,
                 std::string_view name) {
  return std::any_of(entries.begin(), entries.end(), [&](const std::string& e) {
    return matches_entry(e, name);
  });
}

}  // namespace

bool AcceleratorVocabulary::is_resource(std::string_view name) const {
  return is_accelerator_resource(name) || matches_any(resources, name);
}

bool AcceleratorVocabulary::is_node_label(std::string_view key,
                                          std::string_view value) const {
  return matches_any(node_labels, key) || is_accelerator_node_label(key, value);
}

const AcceleratorVocabulary& accelerators_of(const PodTemplate& pod) {
  static const AcceleratorVocabulary kBuiltin;
  return pod.accelerators ? *pod.accelerators : kBuiltin;
}

static double sum_accelerators(const AcceleratorVocabulary& vocabulary,
                               NodeRef list) {
  double total = 0;
  for (std::uint32_t i = 0; i < list.size(); ++i) {
    if (!vocabulary.is_resource(list.key_at(i).str())) continue;
    double v = 0;
    if (parse_quantity(list.at(i), &v)) total += v;
  }
  return total;
}

double container_accelerators(const PodTemplate& pod, const Container& c) {
  const AcceleratorVocabulary& vocabulary = accelerators_of(pod);
  NodeRef resources = c.resources();
  double limits = sum_accelerators(vocabulary, resources["limits"]);
  return limits > 0 ? limits
                    : sum_accelerators(vocabulary, resources["requests"]);
}

double pod_accelerators(const PodTemplate& pod) {
  double running = 0, init = 0;
  for (const Container& c : pod.containers) {
    if (c.is_init()) {
      init = std::max(init, container_accelerators(pod, c));
    } else {
      running += container_accelerators(pod, c);
    }
  }
  return std::max(running, init);
}

bool is_accelerator_node_label(std::string_view key, std::string_view value) {
  static constexpr std::array<std::string_view, 14> kKeys = {
      "nvidia.com/gpu.product",
      "nvidia.com/gpu.present",
      "nvidia.com/gpu.count",
      "nvidia.com/gpu.family",
      "nvidia.com/gpu.machine",
      "nvidia.com/mig.config",
      "cloud.google.com/gke-accelerator",
      "cloud.google.com/gke-tpu-accelerator",
      "cloud.google.com/gke-tpu-topology",
      "karpenter.k8s.aws/instance-gpu-name",
      "karpenter.k8s.aws/instance-gpu-count",
      "karpenter.k8s.aws/instance-gpu-manufacturer",
      "node.kubernetes.io/instance-type",
      "beta.kubernetes.io/instance-type"};
  static constexpr std::array<std::string_view, 14> kWords = {
      "gpu",   "accelerator", "nvidia",   "tpu",    "neuron",
      "gaudi", "inferentia",  "trainium", "a100",   "h100",
      "h200",  "l40",         "l4",       "amd.com"};
  if (std::find(kKeys.begin(), kKeys.end(), key) != kKeys.end()) return true;
  // Instance types pick the machine, and with it the GPU model.
  if (key.ends_with("instance-type") || key.ends_with("instance_type"))
    return true;
  if (key.starts_with("feature.node.kubernetes.io/pci-10de") ||
      key.starts_with("nvidia.com/") || key.starts_with("amd.com/") ||
      key.starts_with("aws.amazon.com/neuron"))
    return true;
  auto lower = [](std::string_view s) {
    std::string out(s);
    for (char& ch : out)
      ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
  };
  std::string k = lower(key), v = lower(value);
  for (std::string_view w : kWords) {
    if (w == "l4") {
      if (v == "l4" || v.ends_with("-l4") || v.starts_with("l4-")) return true;
      continue;
    }
    if (k.find(w) != std::string::npos || v.find(w) != std::string::npos)
      return true;
  }
  return false;
}

static bool on_accelerator_label(const AcceleratorVocabulary& vocabulary,
                                 NodeRef expressions) {
  for (std::uint32_t j = 0; j < expressions.size(); ++j) {
    NodeRef e = expressions.at(j);
    std::string_view op = e["operator"].str();
    if (op == "NotIn" || op == "DoesNotExist") continue;
    if (vocabulary.is_node_label(e["key"].str(), e["values"].at(0).str()))
      return true;
  }
  return false;
}

AcceleratorPlacement accelerator_placement(const PodTemplate& pod) {
  const AcceleratorVocabulary& vocabulary = accelerators_of(pod);
  if (pod.spec["nodeName"].is_scalar()) return AcceleratorPlacement::Required;
  NodeRef selector = pod.spec["nodeSelector"];
  for (std::uint32_t i = 0; i < selector.size(); ++i) {
    if (vocabulary.is_node_label(selector.key_at(i).str(),
                                 selector.at(i).str()))
      return AcceleratorPlacement::Required;
  }
  NodeRef affinity = pod.spec["affinity"]["nodeAffinity"];
  NodeRef terms = affinity["requiredDuringSchedulingIgnoredDuringExecution"]
                          ["nodeSelectorTerms"];
  for (std::uint32_t i = 0; i < terms.size(); ++i) {
    if (on_accelerator_label(vocabulary, terms.at(i)["matchExpressions"]))
      return AcceleratorPlacement::Required;
  }
  NodeRef preferred =
      affinity["preferredDuringSchedulingIgnoredDuringExecution"];
  for (std::uint32_t i = 0; i < preferred.size(); ++i) {
    if (on_accelerator_label(vocabulary,
                             preferred.at(i)["preference"]["matchExpressions"]))
      return AcceleratorPlacement::Preferred;
  }
  return AcceleratorPlacement::None;
}

bool is_accelerator_taint_key(std::string_view key) {
  // "sku" is AKS's `sku=gpu:NoSchedule`.
  static constexpr std::array<std::string_view, 8> kKeys = {
      "nvidia.com/gpu",
      "amd.com/gpu",
      "google.com/tpu",
      "aws.amazon.com/neuron",
      "habana.ai/gaudi",
      "intel.com/gpu",
      "gpu",
      "sku"};
  if (std::find(kKeys.begin(), kKeys.end(), key) != kKeys.end()) return true;
  return key.starts_with("nvidia.com/") || key.starts_with("amd.com/gpu") ||
         key.starts_with("aws.amazon.com/neuron") ||
         key.starts_with("cloud.google.com/gke-tpu");
}

bool platform_injects_accelerator_toleration(const PodTemplate& pod) {
  NodeRef selector = pod.spec["nodeSelector"];
  for (std::string_view key : {"cloud.google.com/gke-accelerator",
                               "cloud.google.com/gke-tpu-accelerator"}) {
    if (selector[key].valid()) return true;
  }
  NodeRef terms = pod.spec["affinity"]["nodeAffinity"]
                          ["requiredDuringSchedulingIgnoredDuringExecution"]
                          ["nodeSelectorTerms"];
  for (std::uint32_t i = 0; i < terms.size(); ++i) {
    NodeRef exprs = terms.at(i)["matchExpressions"];
    for (std::uint32_t j = 0; j < exprs.size(); ++j) {
      std::string_view key = exprs.at(j)["key"].str();
      if (key == "cloud.google.com/gke-accelerator" ||
          key == "cloud.google.com/gke-tpu-accelerator")
        return true;
    }
  }
  return false;
}

}  // namespace launchlint
