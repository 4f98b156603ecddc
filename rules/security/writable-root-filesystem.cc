#include <fmt/format.h>

#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext&, const Object& object, Reporter& out) {
  for (const PodTemplate& pod : object.pods) {
    for (const Container& c : pod.containers) {
      NodeRef sc = c.node["securityContext"];
      NodeRef ro = sc["readOnlyRootFilesystem"];
      if (ro.is_true()) continue;
      if (!ro.valid() && c.from_runtime) continue;
      NodeRef at = ro.valid() ? ro : sc.is_map() ? sc : c.node;
      out.report(at, fmt::format("{} can write to its root filesystem: an "
                                 "attacker can drop tools or alter the "
                                 "server's code; set "
                                 "securityContext.readOnlyRootFilesystem: "
                                 "true and mount emptyDir volumes where it "
                                 "writes (model cache, /tmp)",
                                 pod.describe(c)));
    }
  }
}

}  // namespace

extern const Rule kWritableRootFilesystem = {
    {"SEC006", "writable-root-filesystem", Area::Security, Severity::Warning,
     "A container does not set readOnlyRootFilesystem: true."},
    check};

}  // namespace launchlint
