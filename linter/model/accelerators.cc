#include "linter/model/accelerators.h"

#include <algorithm>
#include <array>

#include "linter/model/quantity.h"

namespace launchlint {

bool is_accelerator_resource(std::string_view name) {
  static constexpr std::array<std::string_view, 5> kExact = {
      "nvidia.com/gpu", "amd.com/gpu", "google.com/tpu", "habana.ai/gaudi",
      "intel.com/gpu"};
  static constexpr std::array<std::string_view, 7> kPrefixes = {
      "nvidia.com/mig-",       "nvidia.com/gpu.",        "aws.amazon.com/neuron",
      "gpu.intel.com/",        "habana.ai/",             "amd.com/gpu",
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

static double sum_accelerators(NodeRef list) {
  double total = 0;
  for (std::uint32_t i = 0; i < list.size(); ++i) {
    if (!is_accelerator_resource(list.key_at(i).str())) continue;
    double v = 0;
    if (parse_quantity(list.at(i), &v)) total += v;
  }
  return total;
}

double container_accelerators(const Container& c) {
  NodeRef resources = c.resources();
  double limits = sum_accelerators(resources["limits"]);
  return limits > 0 ? limits : sum_accelerators(resources["requests"]);
}

double pod_accelerators(const PodTemplate& pod) {
  double running = 0, init = 0;
  for (const Container& c : pod.containers) {
    if (c.is_init()) {
      init = std::max(init, container_accelerators(c));
    } else {
      running += container_accelerators(c);
    }
  }
  return std::max(running, init);
}

}  // namespace launchlint
