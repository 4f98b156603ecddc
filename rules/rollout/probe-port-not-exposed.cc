#include <algorithm>

#include <fmt/format.h>

#include "linter/model/probes.h"
#include "linter/model/serving.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

bool declares_name(NodeRef ports, std::string_view name) {
  for (std::uint32_t i = 0; i < ports.size(); ++i) {
    if (ports.at(i)["name"].str() == name) return true;
  }
  return false;
}

bool declares_number(NodeRef ports, long long number) {
  for (std::uint32_t i = 0; i < ports.size(); ++i) {
    long long p = 0;
    if (ports.at(i)["containerPort"].as_int(&p) && p == number) return true;
  }
  return false;
}

std::string declared_list(NodeRef ports) {
  std::string out;
  for (std::uint32_t i = 0; i < ports.size(); ++i) {
    NodeRef p = ports.at(i);
    if (!out.empty()) out += ", ";
    out += p["name"].str().empty() ? std::string(p["containerPort"].str())
                                   : fmt::format("{} ({})", p["name"].str(),
                                                 p["containerPort"].str());
  }
  return out;
}

void check(const LintContext&, const Object& object, Reporter& out) {
  for (const PodTemplate& pod : object.pods) {
    if (pod.spec["hostNetwork"].is_true()) continue;
    for (const Container& c : pod.containers) {
      NodeRef ports = c.node["ports"];
      ServerKind server = container_server(c);
      for (std::string_view kind :
           {"startupProbe", "readinessProbe", "livenessProbe"}) {
        NodeRef handler = probe_handler(c.node[kind]);
        NodeRef port = handler["port"];
        if (!port.is_scalar() || port.str().empty()) continue;
        // An unrendered placeholder (${VAR}, {{ .Values.x }}) is not judged.
        if (port.str().find("${") != std::string_view::npos ||
            port.str().find("{{") != std::string_view::npos)
          continue;
        long long number = 0;
        bool numeric = !port.quoted() && port.as_int(&number);
        if (numeric) {
          // A container may listen on ports it does not declare; only a
          // declared list that misses it, on a server known to listen
          // elsewhere, is a mistake.
          if (ports.size() == 0 || declares_number(ports, number)) continue;
          if (server == ServerKind::None) continue;
          int listen = server_port(c, server);
          MetricsEndpoint metrics = server_metrics(c, server);
          if (listen == 0 || listen == number ||
              std::count(metrics.ports.begin(), metrics.ports.end(), number))
            continue;
          out.report(port, fmt::format(
                               "{} {} checks port {}, but {} listens on {} "
                               "and the container declares {}: the probe "
                               "can never pass; probe port {}",
                               pod.describe(c), kind, number, to_string(server),
                               listen, declared_list(ports), listen));
        } else if (!declares_name(ports, port.str())) {
          out.report(
              port,
              fmt::format("{} {} uses the port name \"{}\", which the "
                          "container does not declare{}: the kubelet "
                          "cannot resolve it and the probe always "
                          "fails; name the port in "
                          "containers[].ports or use its number",
                          pod.describe(c), kind, port.str(),
                          ports.size() == 0
                              ? std::string()
                              : " (it declares " + declared_list(ports) + ")"));
        }
      }
    }
  }
}

}  // namespace

extern const Rule kProbePortNotExposed = {
    {"ROL009", "probe-port-not-exposed", Area::Rollout, Severity::Error,
     "A probe targets a port name or number the container does not expose."},
    check};

}  // namespace launchlint
