#include <fmt/format.h>

#include "linter/analysis/namespace_model.h"
#include "linter/analysis/pod_selections.h"
#include "linter/model/serving.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check_service(const NamespaceModel& model, const Object& service,
                   Reporter& out) {
  NodeRef type = service.spec()["type"];
  if (type.str() != "LoadBalancer" && type.str() != "NodePort") return;
  for (std::uint32_t p : model.selections().pods_of(service)) {
    const PodRef& s = model.pods()[p];
    if (!server_container(*s.pod) && !is_model_server(*s.object)) continue;
    out.report(type,
               fmt::format("Service {} exposes the model server {} directly "
                           "as a {}: callers skip the gateway's "
                           "authentication, rate limits and routing; make it "
                           "ClusterIP and route through the gateway",
                           service.id.name, s.object->id.display(), type.str()),
               {{s.object->location(), "the model server it selects"}});
    return;
  }
}

void check(const LintContext& context, const Object& object, Reporter& out) {
  if (object.is("", "Service") && context.namespaces)
    check_service(*context.namespaces, object, out);
  for (const PodTemplate& pod : object.pods) {
    const Container* server = server_container(pod);
    if (!server) continue;
    NodeRef ports = server->node["ports"];
    for (std::uint32_t i = 0; i < ports.size(); ++i) {
      NodeRef host_port = ports.at(i)["hostPort"];
      long long n = 0;
      if (!host_port.as_int(&n) || n == 0) continue;
      out.report(host_port,
                 fmt::format("model server {} binds hostPort {}: the node's "
                             "address reaches it without the gateway's "
                             "authentication and rate limits; remove hostPort "
                             "and route through a ClusterIP Service behind "
                             "the gateway",
                             pod.describe(*server), n));
    }
  }
}

}  // namespace

extern const Rule kModelServerExposed = {
    {"SEC013", "model-server-exposed", Area::Security, Severity::Error,
     "A model server is reachable directly through a LoadBalancer or "
     "NodePort Service, or a hostPort, instead of through the gateway."},
    check};

}  // namespace launchlint
