#include <fmt/format.h>

#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext&, const Object& object, Reporter& out) {
  for (const PodTemplate& pod : object.pods) {
    for (const Container& c : pod.containers) {
      NodeRef sc = c.node["securityContext"];
      if (sc["privileged"].is_true()) continue;  // privileged-container
      NodeRef ape = sc["allowPrivilegeEscalation"];
      if (ape.is_scalar() && ape.is_false()) continue;
      if (!ape.is_scalar() && c.from_runtime) continue;  // runtime decides
      NodeRef at = ape.is_scalar() ? ape : sc.is_map() ? sc : c.node;
      out.report(at, fmt::format("{} allows privilege escalation: a setuid "
                                 "binary can gain more rights than the "
                                 "process started with; set "
                                 "securityContext.allowPrivilegeEscalation: "
                                 "false",
                                 pod.describe(c)));
    }
  }
}

}  // namespace

extern const Rule kPrivilegeEscalationAllowed = {
    {"SEC002", "privilege-escalation-allowed", Area::Security,
     Severity::Warning,
     "A container does not set allowPrivilegeEscalation: false."},
    check};

}  // namespace launchlint
