#pragma once

#include "linter/yaml/document.h"

namespace launchlint {

// Seconds a probe gives a starting container before it fails for good:
// initialDelaySeconds + failureThreshold x periodSeconds, with the Kubernetes
// defaults (0, 3, 10).
long long probe_budget_seconds(NodeRef probe);

// The handler node of a probe: httpGet, tcpSocket, exec or grpc (the first
// present), or an invalid handle.
NodeRef probe_handler(NodeRef probe);

}  // namespace launchlint
