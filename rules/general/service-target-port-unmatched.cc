#include <re2/re2.h>

#include <fmt/format.h>

#include "linter/model/selectors.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

// Whether a container of `pod` exposes `target` (a port name or number).
// `declares` tells whether every container that could listen declares ports.
bool exposes(const PodTemplate& pod, NodeRef target, bool named,
             bool* declares) {
  bool any = false;
  for (const Container& c : pod.containers) {
    if (c.from_runtime) *declares = false;  // the runtime supplies ports
    NodeRef ports = c.node["ports"];
    for (std::uint32_t i = 0; i < ports.size(); ++i) {
      any = true;
      NodeRef p = ports.at(i);
      if (named ? p["name"].str() == target.str()
                : p["containerPort"].str() == target.str())
        return true;
    }
  }
  if (!any) *declares = false;
  return false;
}

void check(const LintContext& context, const Object& object, Reporter& out) {
  if (!object.is("", "Service")) return;
  std::vector<SelectedPod> pods =
      pods_selected_by(context.model, object.id.ns, object.spec()["selector"]);
  if (pods.empty()) return;
  NodeRef ports = object.spec()["ports"];
  for (std::uint32_t i = 0; i < ports.size(); ++i) {
    NodeRef target = ports.at(i)["targetPort"];
    if (!target.is_scalar()) target = ports.at(i)["port"];
    if (!target.is_scalar() || target.str().empty()) continue;
    long long number = 0;
    bool named = !target.as_int(&number);
    static const RE2 valid_name("[a-z0-9-]{1,15}");
    if (named && !RE2::FullMatch(target.str(), valid_name))
      continue;  // invalid-port-name
    bool declares = true, found = false;
    for (const SelectedPod& s : pods) {
      found = found || exposes(*s.pod, target, named, &declares);
    }
    if (found || (!named && !declares)) continue;
    out.report(target,
               fmt::format("Service {} targets {} {}, which no container of "
                           "the pods it selects ({}) exposes: the Service has "
                           "no endpoints on that port; set targetPort to a "
                           "containerPort {} of those pods",
                           object.id.name, named ? "port name" : "port",
                           target.str(), pods.front().object->id.display(),
                           named ? "name" : "number"),
               {{pods.front().object->location(), "a selected workload"}});
  }
}

}  // namespace

extern const Rule kServiceTargetPortUnmatched = {
    {"GEN007", "service-target-port-unmatched", Area::General, Severity::Error,
     "A Service's targetPort matches no port of the pods it selects."},
    check};

}  // namespace launchlint
