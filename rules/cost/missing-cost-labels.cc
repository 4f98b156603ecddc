#include <fmt/format.h>

#include "linter/model/serving.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

std::string missing_keys(NodeRef labels, const LintSettings& settings) {
  std::string out;
  for (const std::string& key : settings.cost_label_keys) {
    NodeRef v = labels[key];
    if (v.is_scalar() && !v.str().empty()) continue;
    if (!out.empty()) out += ", ";
    out += key;
  }
  return out;
}

NodeRef place(NodeRef metadata, NodeRef fallback) {
  if (metadata["labels"].is_map()) return metadata["labels"];
  return metadata.valid() ? metadata : fallback;
}

void check(const LintContext& context, const Object& object, Reporter& out) {
  // Runtimes are templates: their InferenceServices run the pods.
  if (object.group == "serving.kserve.io" &&
      (object.id.kind == "ServingRuntime" ||
       object.id.kind == "ClusterServingRuntime"))
    return;
  if (!object.runs_pods() || context.settings.cost_label_keys.empty()) return;
  // Jobs count when they hold accelerators; a download Job in a server
  // image is not a model server.
  bool gpus = uses_accelerators(object);
  if (!gpus && (object.is_batch() || !is_model_server(object))) return;
  std::string missing = missing_keys(object.labels(), context.settings);
  if (!missing.empty()) {
    out.report(place(object.metadata, object.root),
               fmt::format(
                   "{} runs {} without the cost-attribution label{} "
                   "{}: its spend cannot be charged to a model, route "
                   "or tenant; add them to metadata.labels",
                   object.id.display(),
                   uses_accelerators(object) ? "on GPUs" : "a model server",
                   missing.find(',') == std::string::npos ? "" : "s", missing));
  }
  for (const PodTemplate& pod : object.pods) {
    if (pod.metadata == object.metadata) continue;  // KServe inline pods
    std::string pod_missing =
        missing_keys(pod.metadata["labels"], context.settings);
    if (pod_missing.empty()) continue;
    out.report(
        place(pod.metadata, pod.holder),
        fmt::format("the pod template{} of {} lacks the "
                    "cost-attribution label{} {}: cost tools attribute "
                    "GPU hours by pod labels; add them to the "
                    "template's metadata.labels",
                    pod.role.empty() ? "" : " (" + pod.role + ")",
                    object.id.display(),
                    pod_missing.find(',') == std::string::npos ? "" : "s",
                    pod_missing));
  }
}

}  // namespace

extern const Rule kMissingCostLabels = {
    {"CST001", "missing-cost-labels", Area::Cost, Severity::Warning,
     "A GPU or model-server workload, or its pod template, lacks the "
     "cost-attribution labels."},
    check};

}  // namespace launchlint
