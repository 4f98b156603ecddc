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
    if (!seen.insert(ref.service_account).second) continue;
    NodeRef at = ref.service_account_node.valid() ? ref.service_account_node
                                                  : ref.pod->spec;
    if (ref.service_account == "default") {
      if (ref.pod->spec["automountServiceAccountToken"].is_false()) continue;
      out.report(
          at, fmt::format("{} runs as the default service account of namespace "
                          "{}, shared by every pod that names none; create a "
                          "ServiceAccount for it and set serviceAccountName",
                          object.id.display(), object.id.ns));
    } else if (!model.find_object(object.id.ns, "ServiceAccount",
                                  ref.service_account)) {
      out.report(
          at,
          fmt::format("{} runs as service account \"{}\", which the input "
                      "does not define in namespace {}: its pods are not "
                      "created until it exists; add the ServiceAccount or "
                      "fix the name",
                      object.id.display(), ref.service_account, object.id.ns));
    }
  }
}

}  // namespace

extern const Rule kDefaultServiceAccount = {
    {"SEC101", "default-service-account", Area::Security, Severity::Warning,
     "A workload runs as the default service account, or as one the input "
     "does not define."},
    check};

}  // namespace launchlint
