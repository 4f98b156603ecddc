#include <fmt/format.h>

#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext&, const Object& object, Reporter& out) {
  for (const PodTemplate& pod : object.pods) {
    for (std::string_view field : {"hostNetwork", "hostPID", "hostIPC"}) {
      NodeRef value = pod.spec[field];
      if (!value.is_true()) continue;
      out.report(value,
                 fmt::format("the pod{} shares the node's {} namespace "
                             "({}: true): it sees and can reach the node's "
                             "{}; remove {}",
                             pod.role.empty() ? "" : " (" + pod.role + ")",
                             field == "hostNetwork" ? "network"
                             : field == "hostPID"   ? "process"
                                                    : "IPC",
                             field,
                             field == "hostNetwork" ? "interfaces and "
                                                      "localhost services"
                             : field == "hostPID"   ? "processes"
                                                    : "shared memory",
                             field));
    }
  }
}

}  // namespace

extern const Rule kHostNamespaces = {
    {"SEC007", "host-namespaces", Area::Security, Severity::Error,
     "A pod sets hostNetwork, hostPID or hostIPC."},
    check};

}  // namespace launchlint
