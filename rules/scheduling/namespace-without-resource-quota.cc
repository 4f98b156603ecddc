#include <fmt/format.h>

#include "linter/analysis/namespace_model.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext& context, const Object& object, Reporter& out) {
  if (!context.namespaces || !object.is("", "Namespace")) return;
  const NamespaceInfo* ns = context.namespaces->find(object.id.name);
  if (!ns || ns->object != &object || ns->pods.empty()) return;
  if (!ns->resource_quotas.empty()) return;
  NodeRef at =
      object.metadata["name"].valid() ? object.metadata["name"] : object.root;
  // Every workload the missing quota leaves uncapped.
  std::vector<RelatedLocation> related;
  for (const Object* w : ns->workloads)
    related.push_back(
        {w->location(), fmt::format("{} runs here", w->id.display())});
  out.report(at,
             fmt::format("namespace {} runs {} workload{} of the input but "
                         "has no ResourceQuota: nothing caps the GPUs, "
                         "CPU and memory it can take; add a ResourceQuota "
                         "with requests.nvidia.com/gpu (or your "
                         "accelerator) and requests.cpu/memory",
                         ns->name, ns->workloads.size(),
                         ns->workloads.size() == 1 ? "" : "s"),
             std::move(related));
}

}  // namespace

extern const Rule kNamespaceWithoutResourceQuota = {
    {"SCH101", "namespace-without-resource-quota", Area::Scheduling,
     Severity::Warning,
     "A namespace the input defines and runs workloads in has no "
     "ResourceQuota."},
    check};

}  // namespace launchlint
