#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "linter/analysis/namespace_model.h"
#include "linter/analysis/rbac.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext& context, const Object& object, Reporter& out) {
  if (!context.namespaces || object.pods.empty()) return;
  const NamespaceModel& model = *context.namespaces;
  std::set<std::string> seen;
  for (std::uint32_t p : model.pods_of(object)) {
    const PodRef& ref = model.pods()[p];
    if (!seen.insert(ref.service_account).second) continue;
    std::vector<ScopedGrant> outside;
    for (const ScopedGrant& g : secret_read_grants(model.grants_of(p))) {
      if (g.everywhere || g.ns != object.id.ns) outside.push_back(g);
    }
    if (outside.empty()) continue;
    // The widest grant first: every namespace beats one other namespace.
    std::stable_partition(outside.begin(), outside.end(),
                          [](const ScopedGrant& g) { return g.everywhere; });
    const ScopedGrant& g = outside.front();
    std::vector<RelatedLocation> related;
    for (const ScopedGrant& s : outside) {
      if (related.size() >= 4) break;
      related.push_back(
          {s.grant.binding->object->location(),
           fmt::format("{} grants it", s.grant.binding->display())});
      if (s.grant.rule->node.valid())
        related.push_back(
            {location_of(s.grant.rule->node),
             fmt::format("the rule of {}", s.grant.role->display())});
    }
    NodeRef at = ref.service_account_node.valid() ? ref.service_account_node
                                                  : ref.pod->spec;
    out.report(
        at,
        fmt::format("{} runs as service account {}/{}, which can read "
                    "Secrets {} through {} -> {}; grant it a Role with "
                    "a RoleBinding in its own namespace, limited by "
                    "resourceNames",
                    object.id.display(), object.id.ns, ref.service_account,
                    g.everywhere ? std::string("in every namespace")
                                 : fmt::format("in namespace {}", g.ns),
                    g.grant.binding->display(), g.grant.role->display()),
        std::move(related));
  }
}

}  // namespace

extern const Rule kSecretAccessOutsideNamespace = {
    {"SEC102", "secret-access-outside-namespace", Area::Security,
     Severity::Error,
     "A workload's service account can read Secrets outside its namespace, or "
     "in every namespace."},
    check};

}  // namespace launchlint
