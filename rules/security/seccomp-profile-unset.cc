#include <string>

#include <fmt/format.h>

#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext&, const Object& object, Reporter& out) {
  for (const PodTemplate& pod : object.pods) {
    NodeRef pod_type = pod.spec["securityContext"]["seccompProfile"]["type"];
    std::string unset;  // containers left without a profile
    for (const Container& c : pod.containers) {
      NodeRef own = c.node["securityContext"]["seccompProfile"]["type"];
      if (own.is_scalar()) {
        if (own.str() == "Unconfined")
          out.report(own, fmt::format("{} runs with seccomp Unconfined: every "
                                      "system call reaches the node's kernel; "
                                      "use seccompProfile.type: "
                                      "RuntimeDefault",
                                      pod.describe(c)));
        continue;
      }
      if (pod_type.is_scalar() || c.from_runtime) continue;
      if (!unset.empty()) unset += ", ";
      unset += pod.describe(c);
    }
    if (pod_type.is_scalar() && pod_type.str() == "Unconfined") {
      out.report(pod_type,
                 "the pod runs with seccomp Unconfined: every system "
                 "call reaches the node's kernel; use "
                 "securityContext.seccompProfile.type: "
                 "RuntimeDefault");
    }
    if (unset.empty()) continue;
    NodeRef sc = pod.spec["securityContext"];
    out.report(sc.is_map() ? sc : pod.spec,
               fmt::format("no seccomp profile for {}: the runtime may run "
                           "them Unconfined; set "
                           "securityContext.seccompProfile.type: "
                           "RuntimeDefault on the pod",
                           unset));
  }
}

}  // namespace

extern const Rule kSeccompProfileUnset = {
    {"SEC010", "seccomp-profile-unset", Area::Security, Severity::Warning,
     "A pod or container sets no seccomp profile, or sets Unconfined."},
    check};

}  // namespace launchlint
