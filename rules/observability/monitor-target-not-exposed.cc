#include <algorithm>

#include <fmt/format.h>

#include "linter/analysis/namespace_model.h"
#include "linter/analysis/pod_selections.h"
#include "linter/model/serving.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

// A model-server container behind a port: the server and the container port
// number the traffic reaches.
struct Target {
  const Container* container = nullptr;
  ServerKind server = ServerKind::None;
  long long port = 0;
};

// The container port named `name` (or numbered `number`) among the pod's
// containers, when the container runs a model server.
Target resolve(const PodTemplate& pod, std::string_view name,
               long long number) {
  for (const Container& c : pod.containers) {
    if (c.is_init()) continue;
    NodeRef ports = c.node["ports"];
    for (std::uint32_t i = 0; i < ports.size(); ++i) {
      long long p = 0;
      if (!ports.at(i)["containerPort"].as_int(&p)) continue;
      if ((!name.empty() && ports.at(i)["name"].str() == name) ||
          (name.empty() && p == number)) {
        return {&c, container_server(c), p};
      }
    }
  }
  if (name.empty()) {
    if (const Container* c = server_container(pod))
      return {c, container_server(*c), number};
  }
  return {};
}

std::string_view path_of(NodeRef endpoint) {
  std::string_view path = endpoint["path"].str();
  return path.empty() ? std::string_view("/metrics") : path;
}

// Reports a path or port the model server does not serve metrics on.
void check_target(const Target& t, NodeRef endpoint, const Object& monitor,
                  const Object& workload, Reporter& out) {
  if (t.container == nullptr || t.server == ServerKind::None) return;
  MetricsEndpoint metrics = server_metrics(*t.container, t.server);
  if (!metrics.available || !metrics.disabled_by.empty()) return;
  std::vector<RelatedLocation> related = {
      {location_of(t.container->node),
       fmt::format("the {} container of {}", to_string(t.server),
                   workload.id.display())}};
  if (!metrics.ports.empty() &&
      std::find(metrics.ports.begin(), metrics.ports.end(), t.port) ==
          metrics.ports.end()) {
    NodeRef at = endpoint["port"].valid() ? endpoint["port"] : endpoint;
    out.report(at,
               fmt::format("{} scrapes {} on port {}, where it serves no "
                           "metrics: {} publishes them on port {}; point the "
                           "endpoint at that port",
                           monitor.id.display(), workload.id.display(), t.port,
                           to_string(t.server), metrics.ports.front()),
               std::move(related));
    return;
  }
  std::string_view path = path_of(endpoint);
  if (std::find(metrics.paths.begin(), metrics.paths.end(), path) !=
      metrics.paths.end())
    return;
  NodeRef at = endpoint["path"].valid() ? endpoint["path"] : endpoint;
  out.report(at,
             fmt::format("{} scrapes {} at path {}, but {} serves metrics at "
                         "{}; set path: {}",
                         monitor.id.display(), workload.id.display(), path,
                         to_string(t.server), metrics.paths.front(),
                         metrics.paths.front()),
             std::move(related));
}

std::string port_names(NodeRef ports) {
  std::string out;
  for (std::uint32_t i = 0; i < ports.size(); ++i) {
    std::string_view name = ports.at(i)["name"].str();
    if (name.empty()) continue;
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out.empty() ? "no named port" : out;
}

void check_service_monitor(const NamespaceModel& model, const Object& monitor,
                           Reporter& out) {
  NodeRef endpoints = monitor.spec()["endpoints"];
  const PodSelections& selections = model.selections();
  for (const Object* svc : selections.services_of(monitor)) {
    NodeRef ports = svc->spec()["ports"];
    for (std::uint32_t e = 0; e < endpoints.size(); ++e) {
      NodeRef endpoint = endpoints.at(e);
      NodeRef name = endpoint["port"];
      if (!name.is_scalar()) continue;
      NodeRef port;
      for (std::uint32_t i = 0; i < ports.size(); ++i) {
        if (ports.at(i)["name"].str() == name.str()) port = ports.at(i);
      }
      if (!port.valid()) {
        out.report(name,
                   fmt::format("{} scrapes port \"{}\" of {}, which has {}: "
                               "Prometheus finds no target; use one of the "
                               "Service's port names",
                               monitor.id.display(), name.str(),
                               svc->id.display(), port_names(ports)),
                   {{location_of(ports.valid() ? ports : svc->root),
                     "the Service's ports"}});
        continue;
      }
      NodeRef target =
          port["targetPort"].valid() ? port["targetPort"] : port["port"];
      long long number = 0;
      bool numeric = !target.quoted() && target.as_int(&number);
      for (std::uint32_t p : selections.pods_of(*svc)) {
        const PodRef& pod = model.pods()[p];
        Target t = resolve(*pod.pod, numeric ? "" : target.str(), number);
        check_target(t, endpoint, monitor, *pod.object, out);
      }
    }
  }
}

void check_pod_monitor(const NamespaceModel& model, const Object& monitor,
                       Reporter& out) {
  NodeRef endpoints = monitor.spec()["podMetricsEndpoints"];
  for (std::uint32_t p : model.selections().pods_of(monitor)) {
    const PodRef& pod = model.pods()[p];
    const Object& w = *pod.object;
    for (std::uint32_t e = 0; e < endpoints.size(); ++e) {
      NodeRef endpoint = endpoints.at(e);
      NodeRef name = endpoint["port"];
      if (!name.is_scalar()) continue;
      Target t = resolve(*pod.pod, name.str(), 0);
      if (t.container == nullptr) {
        out.report(
            name,
            fmt::format("{} scrapes the container port \"{}\", "
                        "which no container of {} declares: "
                        "Prometheus finds no target; name the "
                        "metrics port in containers[].ports",
                        monitor.id.display(), name.str(), w.id.display()),
            {{location_of(pod.pod->holder), "the pod template"}});
        continue;
      }
      check_target(t, endpoint, monitor, w, out);
    }
  }
}

void check(const LintContext& context, const Object& object, Reporter& out) {
  if (!context.namespaces) return;
  if (object.is("monitoring.coreos.com", "ServiceMonitor")) {
    check_service_monitor(*context.namespaces, object, out);
  } else if (object.is("monitoring.coreos.com", "PodMonitor")) {
    check_pod_monitor(*context.namespaces, object, out);
  }
}

}  // namespace

extern const Rule kMonitorTargetNotExposed = {
    {"OBS002", "monitor-target-not-exposed", Area::Observability,
     Severity::Warning,
     "A ServiceMonitor or PodMonitor points at a port or path the model "
     "server does not expose."},
    check};

}  // namespace launchlint
