#include <fmt/format.h>

#include "linter/model/probes.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

constexpr long long kDefaultDeadline = 600;

void check(const LintContext&, const Object& object, Reporter& out) {
  if (!object.is("apps", "Deployment")) return;
  NodeRef deadline_node = object.spec()["progressDeadlineSeconds"];
  long long deadline = kDefaultDeadline;
  if (deadline_node.valid() && !deadline_node.as_int(&deadline)) return;
  for (const PodTemplate& pod : object.pods) {
    for (const Container& c : pod.containers) {
      if (c.is_init()) continue;
      NodeRef startup = c.node["startupProbe"];
      if (!startup.is_map()) continue;
      long long budget = probe_budget_seconds(startup);
      if (budget <= deadline) continue;
      out.report(deadline_node.valid() ? deadline_node : object.spec(),
                 fmt::format("{} has progressDeadlineSeconds {}{} but {}'s "
                             "startupProbe allows {}s to start: a rollout is "
                             "declared failed while new pods are still "
                             "loading the model; set progressDeadlineSeconds "
                             "to at least {}",
                             object.id.display(), deadline,
                             deadline_node.valid() ? "" : " (the default)",
                             pod.describe(c), budget, budget),
                 {{location_of(startup), "the startup probe's budget"}});
      return;
    }
  }
}

}  // namespace

extern const Rule kProgressDeadlineBelowStartupBudget = {
    {"ROL010", "progress-deadline-below-startup-budget", Area::Rollout,
     Severity::Warning,
     "A Deployment's progressDeadlineSeconds is shorter than the time its "
     "startup probe allows."},
    check};

}  // namespace launchlint
