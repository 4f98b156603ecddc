#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "linter/analysis/namespace_model.h"
#include "linter/analysis/quota.h"
#include "linter/model/serving.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

// The node naming `gpu` in the container's limits (else requests).
NodeRef gpu_node(const PodTemplate& pod, std::string_view gpu) {
  for (const Container& c : pod.containers) {
    NodeRef r = c.resources();
    NodeRef at = r["limits"].key_node(gpu);
    if (!at.valid()) at = r["requests"].key_node(gpu);
    if (at.valid()) return at;
  }
  return pod.spec;
}

void check(const LintContext& context, const Object& object, Reporter& out) {
  if (!context.namespaces || !uses_accelerators(object)) return;
  const NamespaceInfo* ns = context.namespaces->find(object.id.ns);
  // Judged where the input sets quotas for the namespace (the case of no
  // quota at all is namespace-without-resource-quota).
  if (!ns || ns->resource_quotas.empty()) return;
  std::set<std::string> reported;
  for (const PodTemplate& pod : object.pods) {
    for (const std::string& gpu : pod_accelerator_names(pod)) {
      if (pod_request(pod, gpu) <= 0 || reported.count(gpu)) continue;
      bool capped = false;
      for (const Object* q : ns->accelerator_quotas) {
        double hard = 0;
        NodeRef node;
        if (quota_covers(*q, pod) && quota_cap(*q, gpu, &hard, &node))
          capped = true;
      }
      if (capped) continue;
      reported.insert(gpu);
      // The namespace's quotas, the first few named (a namespace may have
      // hundreds).
      const std::vector<const Object*>& quotas = ns->resource_quotas;
      std::size_t shown = std::min(quotas.size(), Reporter::kMaxRelated);
      std::vector<RelatedLocation> related;
      for (std::size_t i = 0; i < shown; ++i) {
        related.push_back(
            {quotas[i]->location(), fmt::format("ResourceQuota {} caps no {}",
                                                quotas[i]->id.name, gpu)});
      }
      if (quotas.size() > shown)
        related.back().message +=
            fmt::format(" (and {} more like it)", quotas.size() - shown);
      out.report(gpu_node(pod, gpu),
                 fmt::format("{} requests {} but no ResourceQuota of namespace "
                             "{} caps it; add requests.{} to a quota's "
                             "spec.hard",
                             object.id.display(), gpu, object.id.ns, gpu),
                 std::move(related));
    }
  }
}

}  // namespace

extern const Rule kGpuQuotaMissing = {
    {"SCH102", "gpu-quota-missing", Area::Scheduling, Severity::Warning,
     "A workload requests GPUs but no ResourceQuota of its namespace caps "
     "them."},
    check};

}  // namespace launchlint
