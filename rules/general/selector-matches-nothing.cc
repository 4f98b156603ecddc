#include <fmt/format.h>

#include "linter/analysis/namespace_model.h"
#include "linter/analysis/network_policy.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void report_empty(const Object& object, const LabelSelector& selector,
                  std::string_view what, Reporter& out) {
  out.report(selector.node,
             fmt::format("the selector of {} ({}) matches no pod of the "
                         "input in namespace {}, so it {}; fix the labels to "
                         "match the workload's pod template",
                         object.id.display(), selector.describe(), object.id.ns,
                         what));
}

void check(const LintContext& context, const Object& object, Reporter& out) {
  if (!context.namespaces || object.cluster_scoped) return;
  const NamespaceModel& model = *context.namespaces;
  const NamespaceInfo* ns = model.find(object.id.ns);
  // Only where the input shows the namespace's pods, all of them.
  if (!ns || ns->pods.empty() || ns->opaque_pods) return;
  NodeRef spec = object.spec();
  if (object.is("", "Service")) {
    NodeRef sel = spec["selector"];
    if (!sel.is_map() || sel.size() == 0 ||
        spec["type"].str() == "ExternalName")
      return;
    LabelSelector selector = parse_map_selector(sel);
    if (!ns->pod_index.any(selector))
      report_empty(object, selector, "has no endpoints", out);
  } else if (object.is("policy", "PodDisruptionBudget")) {
    LabelSelector selector = parse_label_selector(spec["selector"]);
    if (!spec["selector"].is_map()) return;
    if (!ns->pod_index.any(selector))
      report_empty(object, selector, "protects nothing", out);
  } else if (object.is("networking.k8s.io", "NetworkPolicy")) {
    LabelSelector selector = parse_label_selector(spec["podSelector"]);
    if (selector.selects_all() || !spec["podSelector"].is_map()) return;
    if (!ns->pod_index.any(selector))
      report_empty(object, selector, "isolates nothing", out);
  } else if (object.is("autoscaling", "HorizontalPodAutoscaler")) {
    NodeRef target = spec["scaleTargetRef"];
    std::string_view kind = target["kind"].str();
    std::string_view name = target["name"].str();
    if (kind.empty() || name.empty()) return;
    if (model.find_object(object.id.ns, kind, name)) return;
    out.report(target["name"],
               fmt::format("{} scales {} \"{}\", which the input does not "
                           "define in namespace {}: it scales nothing; point "
                           "scaleTargetRef at the workload",
                           object.id.display(), kind, name, object.id.ns));
  }
}

}  // namespace

extern const Rule kSelectorMatchesNothing = {
    {"GEN102", "selector-matches-nothing", Area::General, Severity::Warning,
     "A Service, PodDisruptionBudget, NetworkPolicy or HorizontalPodAutoscaler "
     "selects or targets nothing in the input."},
    check};

}  // namespace launchlint
