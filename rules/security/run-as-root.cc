#include <fmt/format.h>

#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext&, const Object& object, Reporter& out) {
  for (const PodTemplate& pod : object.pods) {
    for (const Container& c : pod.containers) {
      if (pod.spec["securityContext"]["windowsOptions"].valid()) continue;
      NodeRef user = pod.security_field(c, "runAsUser");
      NodeRef non_root = pod.security_field(c, "runAsNonRoot");
      long long uid = -1;
      if (user.as_int(&uid) && uid == 0) {
        out.report(user, fmt::format("{} runs as root (runAsUser: 0): a "
                                     "container escape starts as root on the "
                                     "node; run as a non-zero UID and set "
                                     "runAsNonRoot: true",
                                     pod.describe(c)));
        continue;
      }
      if (uid > 0 || non_root.is_true()) continue;
      if (!non_root.valid() && c.from_runtime) continue;
      NodeRef sc = c.node["securityContext"];
      NodeRef at = non_root.valid() ? non_root : sc.is_map() ? sc : c.node;
      out.report(
          at, fmt::format("{} may run as root: {}, so the image's "
                          "USER decides; set "
                          "securityContext.runAsNonRoot: true (pod "
                          "level covers every container)",
                          pod.describe(c),
                          non_root.valid() ? "it sets runAsNonRoot: false"
                                           : "neither it nor the pod sets "
                                             "runAsNonRoot: true or a non-zero "
                                             "runAsUser"));
    }
  }
}

}  // namespace

extern const Rule kRunAsRoot = {
    {"SEC003", "run-as-root", Area::Security, Severity::Warning,
     "A container may run as root: no runAsNonRoot: true, or runAsUser: 0."},
    check};

}  // namespace launchlint
