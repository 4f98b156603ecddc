#include "linter/model/probes.h"

namespace launchlint {

namespace {
long long field(NodeRef probe, std::string_view name, long long fallback) {
  long long n = fallback;
  if (!probe[name].as_int(&n) || n < 0) return fallback;
  return n;
}
}  // namespace

long long probe_budget_seconds(NodeRef probe) {
  return field(probe, "initialDelaySeconds", 0) +
         field(probe, "failureThreshold", 3) *
             field(probe, "periodSeconds", 10);
}

NodeRef probe_handler(NodeRef probe) {
  for (std::string_view h : {"httpGet", "tcpSocket", "exec", "grpc"}) {
    if (probe[h].valid()) return probe[h];
  }
  return {};
}

}  // namespace launchlint
