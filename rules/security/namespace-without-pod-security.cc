#include <fmt/format.h>

#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext&, const Object& object, Reporter& out) {
  if (!object.is("", "Namespace")) return;
  if (object.labels()["pod-security.kubernetes.io/enforce"].is_scalar()) return;
  NodeRef labels = object.labels();
  out.report(labels.is_map() ? labels : object.metadata,
             fmt::format("Namespace {} has no pod-security.kubernetes.io/"
                         "enforce label: nothing stops a privileged or "
                         "host-mounting pod from being created in it; label "
                         "it with pod-security.kubernetes.io/enforce: "
                         "restricted (or baseline)",
                         object.id.name));
}

}  // namespace

extern const Rule kNamespaceWithoutPodSecurity = {
    {"SEC014", "namespace-without-pod-security", Area::Security,
     Severity::Warning,
     "A Namespace has no Pod Security admission enforce label."},
    check};

}  // namespace launchlint
