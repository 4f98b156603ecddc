#include <fmt/format.h>

#include "linter/model/serving.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext&, const Object& object, Reporter& out) {
  for (const PodTemplate& pod : object.pods) {
    const Container* server = server_container(pod);
    for (const Container& c : pod.containers) {
      if (&c == server) continue;  // model-server-exposed
      NodeRef ports = c.node["ports"];
      for (std::uint32_t i = 0; i < ports.size(); ++i) {
        NodeRef host_port = ports.at(i)["hostPort"];
        long long n = 0;
        if (!host_port.as_int(&n) || n == 0) continue;
        out.report(host_port,
                   fmt::format("{} binds hostPort {} on the node: it bypasses "
                               "Services and network policies and allows one "
                               "pod per node; remove hostPort and expose it "
                               "through a Service",
                               pod.describe(c), n));
      }
    }
  }
}

}  // namespace

extern const Rule kHostPort = {
    {"SEC009", "host-port", Area::Security, Severity::Warning,
     "A container binds a hostPort."},
    check};

}  // namespace launchlint
