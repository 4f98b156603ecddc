#include <fmt/format.h>

#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext&, const Object& object, Reporter& out) {
  bool kind = (object.group == "apps" && (object.id.kind == "Deployment" ||
                                          object.id.kind == "StatefulSet" ||
                                          object.id.kind == "DaemonSet")) ||
              (object.group == "argoproj.io" && object.id.kind == "Rollout");
  if (!kind) return;
  NodeRef limit = object.spec()["revisionHistoryLimit"];
  long long n = -1;
  if (!limit.as_int(&n) || n != 0) return;
  out.report(limit,
             fmt::format("{} keeps no previous revision "
                         "(revisionHistoryLimit: 0): `kubectl rollout undo` "
                         "has nothing to roll back to; keep a few revisions, "
                         "e.g. revisionHistoryLimit: 3",
                         object.id.display()));
}

}  // namespace

extern const Rule kRevisionHistoryLimitZero = {
    {"ROL004", "revision-history-limit-zero", Area::Rollout, Severity::Warning,
     "A workload sets revisionHistoryLimit: 0, so it cannot be rolled back."},
    check};

}  // namespace launchlint
