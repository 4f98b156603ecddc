#include <fmt/format.h>

#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext&, const Object& object, Reporter& out) {
  for (const PodTemplate& pod : object.pods) {
    for (const Container& c : pod.containers) {
      NodeRef resources = c.resources();
      NodeRef limits = resources["limits"];
      if (limits["memory"].is_scalar()) continue;
      // No memory request either: missing-resource-requests reports it.
      if (!resources["requests"]["memory"].is_scalar()) continue;
      NodeRef at = limits.is_map()      ? limits
                   : resources.is_map() ? resources
                                        : c.node;
      out.report(at, fmt::format("{} has no memory limit: a leak or a large "
                                 "batch grows until the node runs out of "
                                 "memory and the kernel kills other pods; set "
                                 "resources.limits.memory (equal to the "
                                 "request for model servers)",
                                 pod.describe(c)));
    }
  }
}

}  // namespace

extern const Rule kMissingMemoryLimit = {
    {"SCH007", "missing-memory-limit", Area::Scheduling, Severity::Warning,
     "A container sets no memory limit."},
    check};

}  // namespace launchlint
