#include <fmt/format.h>

#include "linter/rules/rule.h"

namespace launchlint {

namespace {

// A request is set explicitly, or implied by a limit of the same resource.
bool requested(NodeRef resources, std::string_view name) {
  return resources["requests"][name].is_scalar() ||
         resources["limits"][name].is_scalar();
}

void check(const LintContext&, const Object& object, Reporter& out) {
  for (const PodTemplate& pod : object.pods) {
    for (const Container& c : pod.containers) {
      NodeRef resources = c.resources();
      bool cpu = requested(resources, "cpu");
      bool memory = requested(resources, "memory");
      if (cpu && memory) continue;
      std::string_view missing = !cpu && !memory ? "CPU or memory request"
                                 : !cpu           ? "CPU request"
                                                  : "memory request";
      NodeRef at = resources["requests"].is_map() ? resources["requests"]
                   : resources.is_map()           ? resources
                                                  : c.node;
      out.report(at, fmt::format("{} has no {}: the scheduler cannot reserve "
                                 "room for it and it is first to be evicted; "
                                 "set resources.requests.cpu and memory",
                                 pod.describe(c), missing));
    }
  }
}

}  // namespace

extern const Rule kMissingResourceRequests = {
    {"SCH001", "missing-resource-requests", Area::Scheduling,
     Severity::Warning, "A container sets no CPU or no memory request."},
    check};

}  // namespace launchlint
