#include <fmt/format.h>

#include "linter/model/probes.h"
#include "linter/model/serving.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

// An exec probe that calls the HTTP health endpoint (curl, wget, a script
// given a URL) checks what httpGet would.
bool exec_calls_http(NodeRef exec) {
  NodeRef command = exec["command"];
  for (std::uint32_t i = 0; i < command.size(); ++i) {
    std::string_view w = command.at(i).str();
    if (w.find("http://") != std::string_view::npos ||
        w.find("https://") != std::string_view::npos ||
        w.find("curl") != std::string_view::npos ||
        w.find("wget") != std::string_view::npos)
      return true;
  }
  return false;
}

void check(const LintContext&, const Object& object, Reporter& out) {
  // KubeRay starts the Ray processes and manages their probes.
  if (object.group == "ray.io") return;
  for (const PodTemplate& pod : object.pods) {
    if (!answers_requests(object, pod)) continue;
    const Container* c = server_container(pod);
    if (c == nullptr || c->from_runtime) continue;
    ServerKind server = container_server(*c);
    ServerTraits traits = server_traits(server);
    if (!traits.http) continue;
    // A missing probe is missing-readiness-probe's (ROL002).
    NodeRef probe = c->node["readinessProbe"];
    NodeRef handler = probe_handler(probe);
    if (!handler.valid() || probe["httpGet"].valid() ||
        exec_calls_http(probe["exec"]))
      continue;
    std::string_view how = probe["tcpSocket"].valid() ? "a TCP" : "an exec";
    if (probe["grpc"].valid()) how = "a gRPC";
    int port = server_port(*c, server);
    out.report(
        handler,
        fmt::format(
            "{} runs {} but its readinessProbe is {} check: "
            "the port opens before the model is loaded and "
            "stays open when it fails, so broken pods look "
            "ready; probe httpGet {{path: {}, port: {}}}",
            pod.describe(*c), to_string(server), how, traits.health_path,
            port > 0 ? fmt::format("{}", port) : std::string("<http port>")));
  }
}

}  // namespace

extern const Rule kReadinessProbeNotHttp = {
    {"ROL007", "readiness-probe-not-http", Area::Rollout, Severity::Warning,
     "An HTTP model server's readiness probe is a TCP or exec check instead "
     "of its health endpoint."},
    check};

}  // namespace launchlint
