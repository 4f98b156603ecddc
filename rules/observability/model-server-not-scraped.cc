#include <fmt/format.h>

#include "linter/analysis/namespace_model.h"
#include "linter/analysis/pod_selections.h"
#include "linter/model/serving.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

bool annotated(const PodTemplate& pod, const Object& object) {
  for (NodeRef annotations :
       {pod.metadata["annotations"], object.annotations()}) {
    if (annotations["prometheus.io/scrape"].is_true() ||
        annotations["serving.kserve.io/enable-prometheus-scraping"].is_true())
      return true;
  }
  return false;
}

// Whether a monitor with endpoints selects the pod, directly or through a
// Service in front of it.
bool scraped(const NamespaceModel& model, std::uint32_t pod) {
  for (const Object* selector : model.selections().selecting(pod)) {
    if (is_monitor(*selector) && monitor_endpoints(*selector).size() > 0)
      return true;
  }
  return false;
}

void check(const LintContext& context, const Object& object, Reporter& out) {
  // Runtimes are templates: their InferenceServices run the pods.
  if (object.group == "serving.kserve.io" &&
      (object.id.kind == "ServingRuntime" ||
       object.id.kind == "ClusterServingRuntime"))
    return;
  // Jobs run to completion: a download or benchmark serves no traffic.
  if (object.is_batch() || !context.namespaces) return;
  const NamespaceModel& model = *context.namespaces;
  std::span<const std::uint32_t> refs = model.pods_of(object);
  for (std::size_t k = 0; k < object.pods.size() && k < refs.size(); ++k) {
    const PodTemplate& pod = object.pods[k];
    if (!answers_requests(object, pod)) continue;
    const Container* c = server_container(pod);
    if (c == nullptr) continue;
    ServerKind server = container_server(*c);
    MetricsEndpoint metrics = server_metrics(*c, server);
    // No endpoint, or switched off: metrics-disabled's (OBS004) concern.
    if (!metrics.available || !metrics.disabled_by.empty()) continue;
    if (annotated(pod, object) || scraped(model, refs[k])) continue;
    int port = metrics.ports.empty() ? 0 : metrics.ports.front();
    out.report(pod.metadata.valid() ? pod.metadata : pod.holder,
               fmt::format("{} runs {} but nothing scrapes its metrics: no "
                           "ServiceMonitor or PodMonitor selects it (or a "
                           "Service in front of it) and its pods have no "
                           "prometheus.io/scrape annotation, so queue depth, "
                           "latency and KV-cache use are invisible; add a "
                           "PodMonitor or ServiceMonitor for {}{}",
                           object.id.display(), to_string(server),
                           port > 0 ? fmt::format("port {} ", port) : "",
                           metrics.paths.front()));
    return;
  }
}

}  // namespace

extern const Rule kModelServerNotScraped = {
    {"OBS001", "model-server-not-scraped", Area::Observability,
     Severity::Warning,
     "No ServiceMonitor, PodMonitor or scrape annotation collects a model "
     "server's metrics."},
    check};

}  // namespace launchlint
