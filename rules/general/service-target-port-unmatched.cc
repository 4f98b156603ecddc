#include <re2/re2.h>

#include <fmt/format.h>

#include "linter/analysis/namespace_model.h"
#include "linter/analysis/pod_selections.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

// Whether a container of `pod` has a port named `name`; KServe's runtime
// containers get their ports from the runtime, so they may have it.
bool names_port(const PodTemplate& pod, std::string_view name) {
  for (const Container& c : pod.containers) {
    if (c.from_runtime) return true;
    NodeRef ports = c.node["ports"];
    for (std::uint32_t i = 0; i < ports.size(); ++i) {
      if (ports.at(i)["name"].str() == name) return true;
    }
  }
  return false;
}

// Numeric targetPorts are not checked: a container may listen on a port it
// does not declare (containerPort is informational), so only a port *name*
// that no selected container carries is certainly wrong.
void check(const LintContext& context, const Object& object, Reporter& out) {
  if (!object.is("", "Service") || !context.namespaces) return;
  const NamespaceModel& model = *context.namespaces;
  std::span<const std::uint32_t> pods = model.selections().pods_of(object);
  if (pods.empty()) return;
  const Object& first = *model.pods()[pods.front()].object;
  static const RE2 valid_name("[a-z0-9-]{1,15}");
  NodeRef ports = object.spec()["ports"];
  for (std::uint32_t i = 0; i < ports.size(); ++i) {
    NodeRef target = ports.at(i)["targetPort"];
    long long number = 0;
    if (!target.is_scalar() || target.as_int(&number)) continue;
    if (!RE2::FullMatch(target.str(), valid_name))
      continue;  // invalid-port-name
    bool found = false;
    for (std::uint32_t p : pods)
      found = found || names_port(*model.pods()[p].pod, target.str());
    if (found) continue;
    out.report(target,
               fmt::format("Service {} targets the port name {}, which no "
                           "container of the pods it selects ({}) declares: "
                           "the Service has no endpoints on that port; name "
                           "the containerPort {} or use an existing name",
                           object.id.name, target.str(), first.id.display(),
                           target.str()),
               {{first.location(), "a selected workload"}});
  }
}

}  // namespace

extern const Rule kServiceTargetPortUnmatched = {
    {"GEN007", "service-target-port-unmatched", Area::General, Severity::Error,
     "A Service's named targetPort matches no port of the pods it selects."},
    check};

}  // namespace launchlint
