#include <fmt/format.h>

#include "linter/model/accelerators.h"
#include "linter/model/quantity.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext&, const Object& object, Reporter& out) {
  for (const PodTemplate& pod : object.pods) {
    for (const Container& c : pod.containers) {
      NodeRef requests = c.resources()["requests"];
      NodeRef limits = c.resources()["limits"];
      for (std::uint32_t i = 0; i < requests.size(); ++i) {
        std::string_view name = requests.key_at(i).str();
        if (!is_extended_resource(name)) continue;
        NodeRef request = requests.at(i);
        NodeRef limit = limits[name];
        if (!limit.is_scalar()) {
          out.report(request,
                     fmt::format("{} requests {} {} without a limit: Kubernetes "
                                 "rejects extended resources whose requests "
                                 "and limits differ; set "
                                 "resources.limits.{} to {}",
                                 pod.describe(c), request.str(), name, name,
                                 request.str()));
          continue;
        }
        double r = 0, l = 0;
        if (parse_quantity(request, &r) && parse_quantity(limit, &l) && r != l) {
          out.report(request,
                     fmt::format("{} requests {} {} but its limit is {}: "
                                 "requests and limits of extended resources "
                                 "must be equal; make them the same",
                                 pod.describe(c), request.str(), name,
                                 limit.str()),
                     {{location_of(limit), "the limit"}});
        }
      }
    }
  }
}

}  // namespace

extern const Rule kGpuLimitMismatch = {
    {"SCH002", "gpu-limit-mismatch", Area::Scheduling, Severity::Error,
     "A container requests a GPU or other extended resource without an equal "
     "limit."},
    check};

}  // namespace launchlint
