#include <fmt/format.h>

#include "linter/analysis/namespace_model.h"
#include "linter/analysis/pod_selections.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

// "0", 0, "0%" / "100%" and plain numbers.
bool percent_of(std::string_view text, long long* percent) {
  if (!text.ends_with('%')) return false;
  std::string_view digits = text.substr(0, text.size() - 1);
  if (digits.empty() || digits.size() > 4) return false;
  long long n = 0;
  for (char ch : digits) {
    if (ch < '0' || ch > '9') return false;
    n = n * 10 + (ch - '0');
  }
  *percent = n;
  return true;
}

void check(const LintContext& context, const Object& object, Reporter& out) {
  if (!object.is("policy", "PodDisruptionBudget")) return;
  NodeRef spec = object.spec();
  NodeRef max_unavailable = spec["maxUnavailable"];
  NodeRef min_available = spec["minAvailable"];
  long long n = 0, percent = 0;
  if (max_unavailable.is_scalar() &&
      ((max_unavailable.as_int(&n) && n == 0) ||
       (percent_of(max_unavailable.str(), &percent) && percent == 0))) {
    out.report(max_unavailable,
               fmt::format("{} sets maxUnavailable {}: no pod it selects can "
                           "ever be evicted, so node drains and cluster "
                           "upgrades hang; allow at least one disruption "
                           "(maxUnavailable: 1)",
                           object.id.display(), max_unavailable.str()));
    return;
  }
  if (!min_available.is_scalar()) return;
  if (percent_of(min_available.str(), &percent)) {
    if (percent < 100) return;
    out.report(min_available,
               fmt::format("{} sets minAvailable {}: no pod it selects can "
                           "ever be evicted, so node drains and cluster "
                           "upgrades hang; use maxUnavailable: 1 instead",
                           object.id.display(), min_available.str()));
    return;
  }
  if (!min_available.as_int(&n)) return;
  // Compare with the replicas of the workloads it selects.
  if (!context.namespaces) return;
  const NamespaceModel& model = *context.namespaces;
  long long replicas = 0;
  std::vector<RelatedLocation> related;
  const Object* last = nullptr;
  for (std::uint32_t p : model.selections().pods_of(object)) {
    const Object& w = *model.pods()[p].object;
    if (&w == last) continue;  // a workload's templates are adjacent
    last = &w;
    if (w.is_batch() || w.id.kind == "Pod") continue;
    long long r = model.least_replicas(w);
    replicas += r;
    related.push_back(
        {w.location(), fmt::format("{} runs {} replica{}", w.id.display(), r,
                                   r == 1 ? "" : "s")});
  }
  if (related.empty() || n < replicas) return;
  out.report(min_available,
             fmt::format("{} sets minAvailable {} but the pods it selects "
                         "number {}: none can ever be evicted, so node drains "
                         "and cluster upgrades hang; use maxUnavailable: 1 or "
                         "a minAvailable below the replica count",
                         object.id.display(), n, replicas),
             std::move(related));
}

}  // namespace

extern const Rule kPodDisruptionBudgetBlocksEviction = {
    {"ROL014", "pod-disruption-budget-blocks-eviction", Area::Rollout,
     Severity::Warning, "A PodDisruptionBudget allows no eviction at all."},
    check};

}  // namespace launchlint
