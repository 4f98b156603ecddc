#include <fmt/format.h>

#include "linter/model/selector_match.h"
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

bool monitor_kind(const Object& o, bool* pods) {
  *pods =
      (o.group == "monitoring.coreos.com" && o.id.kind == "PodMonitor") ||
      (o.group == "monitoring.googleapis.com" &&
       (o.id.kind == "PodMonitoring" || o.id.kind == "ClusterPodMonitoring"));
  return *pods ||
         (o.group == "monitoring.coreos.com" && o.id.kind == "ServiceMonitor");
}

bool scraped(const LintContext& context, const Object& object,
             const PodTemplate& pod) {
  if (annotated(pod, object)) return true;
  Labels labels = pod_labels(object, pod);
  std::vector<const Object*> services;
  bool services_found = false;
  for (const Object& m : context.model.objects) {
    bool pods = false;
    if (!monitor_kind(m, &pods)) continue;
    if (m.id.kind != "ClusterPodMonitoring" &&
        !monitor_watches_namespace(m, object.id.ns))
      continue;
    NodeRef selector = m.spec()["selector"];
    // A monitor without endpoints scrapes nothing.
    NodeRef endpoints =
        m.spec()[m.id.kind == "PodMonitor" ? "podMetricsEndpoints"
                                           : "endpoints"];
    if (endpoints.size() == 0) continue;
    if (pods) {
      if (label_selector_matches(selector, labels)) return true;
      continue;
    }
    if (!services_found) {
      services = services_selecting(context.model, object);
      services_found = true;
    }
    for (const Object* svc : services) {
      if (label_selector_matches(selector, Labels(svc->labels())))
        return true;
    }
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
  if (object.is_batch()) return;
  for (const PodTemplate& pod : object.pods) {
    if (!answers_requests(object, pod)) continue;
    const Container* c = server_container(pod);
    if (c == nullptr) continue;
    ServerKind server = container_server(*c);
    MetricsEndpoint metrics = server_metrics(*c, server);
    // No endpoint, or switched off: metrics-disabled's (OBS004) concern.
    if (!metrics.available || !metrics.disabled_by.empty()) continue;
    if (scraped(context, object, pod)) continue;
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
