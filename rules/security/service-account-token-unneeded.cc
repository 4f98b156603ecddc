#include <set>

#include <fmt/format.h>

#include "linter/analysis/namespace_model.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext& context, const Object& object, Reporter& out) {
  if (!context.namespaces || object.pods.empty()) return;
  const NamespaceModel& model = *context.namespaces;
  const NamespaceInfo* ns = model.find(object.id.ns);
  if (!ns || !ns->manages_identities()) return;
  std::set<std::string> seen;
  for (std::uint32_t p : model.pods_of(object)) {
    const PodRef& ref = model.pods()[p];
    NodeRef pod_setting = ref.pod->spec["automountServiceAccountToken"];
    if (pod_setting.is_false()) continue;
    const Object* account =
        model.find_object(object.id.ns, "ServiceAccount", ref.service_account);
    // The pod's own setting wins over the account's.
    if (!pod_setting.is_true() && account &&
        account->root["automountServiceAccountToken"].is_false())
      continue;
    if (!seen.insert(ref.service_account).second) continue;
    if (!model.grants_of(p).empty()) continue;
    NodeRef at = pod_setting.valid()                ? pod_setting
                 : ref.service_account_node.valid() ? ref.service_account_node
                                                    : ref.pod->spec;
    std::vector<RelatedLocation> related;
    if (account)
      related.push_back({account->location(), "the service account"});
    out.report(at,
               fmt::format("{} mounts a token for service account \"{}\", "
                           "which no Role or ClusterRole binding in the input "
                           "grants anything: the token only helps an attacker "
                           "who gets into the pod; set "
                           "automountServiceAccountToken: false on the pod "
                           "spec (or the ServiceAccount)",
                           object.id.display(), ref.service_account),
               std::move(related));
  }
}

}  // namespace

extern const Rule kServiceAccountTokenUnneeded = {
    {"SEC107", "service-account-token-unneeded", Area::Security,
     Severity::Warning,
     "A pod mounts a service account token although the account has no API "
     "grants."},
    check};

}  // namespace launchlint
