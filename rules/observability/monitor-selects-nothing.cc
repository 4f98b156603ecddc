#include <fmt/format.h>

#include "linter/analysis/namespace_model.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext& context, const Object& object, Reporter& out) {
  if (!context.namespaces || object.group != "monitoring.coreos.com") return;
  bool pods = object.id.kind == "PodMonitor";
  if (!pods && object.id.kind != "ServiceMonitor") return;
  const NamespaceModel& model = *context.namespaces;
  NodeRef spec = object.spec();
  if (!spec["selector"].is_map()) return;
  LabelSelector selector = parse_label_selector(spec["selector"]);
  // The namespaces it looks in: namespaceSelector.any, matchNames, or its own.
  NodeRef nsel = spec["namespaceSelector"];
  std::vector<const NamespaceInfo*> targets;
  if (nsel["any"].is_true()) {
    for (const auto& [name, info] : model.namespaces())
      targets.push_back(&info);
  } else if (nsel["matchNames"].size() > 0) {
    NodeRef names = nsel["matchNames"];
    for (std::uint32_t i = 0; i < names.size(); ++i) {
      const NamespaceInfo* info = model.find(names.at(i).str());
      if (info) targets.push_back(info);
    }
  } else if (const NamespaceInfo* own = model.find(object.id.ns)) {
    targets.push_back(own);
  }
  bool judged = false;
  for (const NamespaceInfo* ns : targets) {
    // A namespace counts only if the input shows all its pods (or Services);
    // kube-system's Services are the cluster's own (the operator makes the
    // kubelet's).
    if (ns->opaque_pods || ns->name == "kube-system" ||
        (pods ? ns->pods.empty() : ns->services.empty()))
      continue;
    judged = true;
    if (pods ? ns->pod_index.any(selector) : ns->service_index.any(selector))
      return;
  }
  if (!judged) return;
  out.report(selector.node,
             fmt::format("{} selects no {} of the input ({}), so Prometheus "
                         "scrapes nothing and the model server's metrics and "
                         "alerts stay empty; match the labels of the {}",
                         object.id.display(), pods ? "pod" : "Service",
                         selector.describe(),
                         pods ? "pod template" : "metrics Service"));
}

}  // namespace

extern const Rule kMonitorSelectsNothing = {
    {"OBS101", "monitor-selects-nothing", Area::Observability,
     Severity::Warning,
     "A ServiceMonitor or PodMonitor selects no Service or pod of the input."},
    check};

}  // namespace launchlint
