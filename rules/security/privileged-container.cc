#include <fmt/format.h>

#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext&, const Object& object, Reporter& out) {
  for (const PodTemplate& pod : object.pods) {
    for (const Container& c : pod.containers) {
      NodeRef privileged = c.node["securityContext"]["privileged"];
      if (!privileged.is_true()) continue;
      out.report(privileged,
                 fmt::format("{} runs privileged: it has every capability and "
                             "the host's devices; GPU access needs only the "
                             "device plugin's resource, so remove "
                             "`privileged: true`",
                             pod.describe(c)));
    }
  }
}

}  // namespace

extern const Rule kPrivilegedContainer = {
    {"SEC001", "privileged-container", Area::Security, Severity::Error,
     "A container runs with securityContext.privileged: true."},
    check};

}  // namespace launchlint
