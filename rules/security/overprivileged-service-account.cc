#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "linter/analysis/namespace_model.h"
#include "linter/analysis/rbac.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

bool has(const std::vector<std::string_view>& list, std::string_view v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

// Why a rule is too broad, or "" when it is not.
std::string problem(const Grant& g) {
  const PolicyRule& r = *g.rule;
  if (g.role->cluster && g.role->name == "cluster-admin")
    return "cluster-admin";
  if (has(r.verbs, "*")) return "every verb (\"*\")";
  if (has(r.resources, "*")) return "every resource (\"*\")";
  for (std::string_view verb : {"bind", "escalate", "impersonate"}) {
    if (has(r.verbs, verb)) return fmt::format("the escalation verb {}", verb);
  }
  Request exec;
  exec.verb = "create";
  exec.resource = "pods";
  exec.subresource = "exec";
  if (rule_allows(r, exec)) return "create pods/exec";
  return "";
}

void check(const LintContext& context, const Object& object, Reporter& out) {
  if (!context.namespaces || object.pods.empty()) return;
  const NamespaceModel& model = *context.namespaces;
  std::set<std::string> seen;
  for (std::uint32_t p : model.pods_of(object)) {
    const PodRef& ref = model.pods()[p];
    if (!seen.insert(ref.service_account).second) continue;
    std::string first;
    const Grant* first_grant = nullptr;
    std::vector<RelatedLocation> related;
    for (const Grant& g : model.grants_of(p)) {
      std::string why = problem(g);
      if (why.empty()) continue;
      if (!first_grant) {
        first = why;
        first_grant = &g;
      }
      if (related.size() < 4) {
        related.push_back(
            {g.binding->object->location(),
             fmt::format("{} grants {}", g.binding->display(), why)});
        if (g.rule->node.valid())
          related.push_back({location_of(g.rule->node),
                             fmt::format("the rule of {}", g.role->display())});
      }
    }
    if (!first_grant) continue;
    NodeRef at = ref.service_account_node.valid() ? ref.service_account_node
                                                  : ref.pod->spec;
    out.report(
        at,
        fmt::format(
            "{} runs as service account {}/{}, which holds {} "
            "{} through {} -> {}; grant only the verbs and "
            "resources it uses",
            object.id.display(), object.id.ns, ref.service_account, first,
            first_grant->binding->cluster
                ? std::string("in every namespace")
                : fmt::format("in namespace {}", first_grant->binding->ns),
            first_grant->binding->display(), first_grant->role->display()),
        std::move(related));
  }
}

}  // namespace

extern const Rule kOverprivilegedServiceAccount = {
    {"SEC103", "overprivileged-service-account", Area::Security,
     Severity::Error,
     "A workload's service account holds cluster-admin, wildcard verbs or "
     "resources, or escalation verbs (bind, escalate, impersonate, create "
     "pods/exec)."},
    check};

}  // namespace launchlint
