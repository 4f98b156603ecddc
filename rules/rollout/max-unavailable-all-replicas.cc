#include <fmt/format.h>

#include "linter/analysis/namespace_model.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

// The rolling-update maxUnavailable node of the workloads that have one.
NodeRef max_unavailable(const Object& o) {
  NodeRef spec = o.spec();
  if (o.group == "apps" && o.id.kind == "Deployment")
    return spec["strategy"]["rollingUpdate"]["maxUnavailable"];
  if (o.group == "apps" && o.id.kind == "StatefulSet")
    return spec["updateStrategy"]["rollingUpdate"]["maxUnavailable"];
  if (o.group == "leaderworkerset.x-k8s.io" && o.id.kind == "LeaderWorkerSet")
    return spec["rolloutStrategy"]["rollingUpdateConfiguration"]
               ["maxUnavailable"];
  return {};
}

void check(const LintContext& context, const Object& object, Reporter& out) {
  NodeRef value = max_unavailable(object);
  if (!value.is_scalar()) return;
  if (object.spec()["strategy"]["type"].str() == "Recreate") return;
  if (!context.namespaces) return;
  long long replicas = context.namespaces->least_replicas(object);
  if (replicas <= 0) return;
  std::string_view text = value.str();
  long long down = 0;
  if (text.ends_with('%')) {
    long long percent = 0;
    std::string_view digits = text.substr(0, text.size() - 1);
    if (digits.empty() || digits.size() > 4) return;
    for (char ch : digits) {
      if (ch < '0' || ch > '9') return;
      percent = percent * 10 + (ch - '0');
    }
    down = replicas * percent / 100;  // Kubernetes rounds maxUnavailable down
  } else if (!value.as_int(&down)) {
    return;
  }
  if (down < replicas) return;
  out.report(value,
             fmt::format("{} allows maxUnavailable {} with {} replica{}: a "
                         "rollout may stop every pod at once and nothing "
                         "serves until new pods are ready (minutes for a "
                         "model server); set "
                         "maxUnavailable below the replica count (e.g. 0 with "
                         "maxSurge: 1) or run more replicas",
                         object.id.display(), text, replicas,
                         replicas == 1 ? "" : "s"));
}

}  // namespace

extern const Rule kMaxUnavailableAllReplicas = {
    {"ROL005", "max-unavailable-all-replicas", Area::Rollout, Severity::Warning,
     "A rolling update's maxUnavailable lets every replica go down at once."},
    check};

}  // namespace launchlint
