#include <fmt/format.h>

#include "linter/model/probes.h"
#include "linter/model/serving.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext&, const Object& object, Reporter& out) {
  for (const PodTemplate& pod : object.pods) {
    const Container* c = server_container(pod);
    if (c == nullptr || c->from_runtime) continue;
    ServerKind server = container_server(*c);
    ServerTraits traits = server_traits(server);
    if (!traits.http) continue;
    // A missing probe is missing-readiness-probe's (ROL002).
    NodeRef probe = c->node["readinessProbe"];
    NodeRef handler = probe_handler(probe);
    if (!handler.valid() || probe["httpGet"].valid()) continue;
    std::string_view how = probe["tcpSocket"].valid() ? "a TCP" : "an exec";
    if (probe["grpc"].valid()) how = "a gRPC";
    int port = server_port(*c, server);
    out.report(handler,
               fmt::format("{} runs {} but its readinessProbe is {} check: "
                           "the port opens before the model is loaded and "
                           "stays open when it fails, so broken pods look "
                           "ready; probe httpGet {{path: {}, port: {}}}",
                           pod.describe(*c), to_string(server), how,
                           traits.health_path,
                           port > 0 ? fmt::format("{}", port)
                                    : std::string("<http port>")));
  }
}

}  // namespace

extern const Rule kReadinessProbeNotHttp = {
    {"ROL007", "readiness-probe-not-http", Area::Rollout, Severity::Warning,
     "An HTTP model server's readiness probe is a TCP or exec check instead "
     "of its health endpoint."},
    check};

}  // namespace launchlint
