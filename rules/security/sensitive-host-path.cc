#include <algorithm>
#include <array>
#include <string>

#include <fmt/format.h>

#include "linter/rules/rule.h"

namespace launchlint {

namespace {

constexpr std::array<std::string_view, 18> kSensitive = {"/",
                                                         "/etc",
                                                         "/root",
                                                         "/proc",
                                                         "/sys",
                                                         "/dev",
                                                         "/boot",
                                                         "/run",
                                                         "/var/run",
                                                         "/var/lib/kubelet",
                                                         "/var/lib/docker",
                                                         "/var/lib/containerd",
                                                         "/run/containerd",
                                                         "/var/run/containerd",
                                                         "/run/crio",
                                                         "/var/run/crio",
                                                         "/etc/kubernetes",
                                                         "/var/lib/etcd"};

// Why mounting `path` from the node is dangerous, or empty.
std::string_view danger(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  if (path.ends_with("docker.sock") || path.ends_with("containerd.sock") ||
      path.ends_with("crio.sock") || path.ends_with("cri-dockerd.sock"))
    return "the container runtime socket, which starts privileged containers "
           "on the node";
  if (path == "/") return "the node's whole filesystem";
  if (std::find(kSensitive.begin(), kSensitive.end(), path) != kSensitive.end())
    return "a system directory of the node (credentials, runtime sockets or "
           "kernel interfaces)";
  return {};
}

void check(const LintContext&, const Object& object, Reporter& out) {
  for (const PodTemplate& pod : object.pods) {
    NodeRef volumes = pod.spec["volumes"];
    for (std::uint32_t i = 0; i < volumes.size(); ++i) {
      NodeRef path = volumes.at(i)["hostPath"]["path"];
      if (!path.is_scalar()) continue;
      std::string_view why = danger(path.str());
      if (why.empty()) continue;
      out.report(path,
                 fmt::format("volume \"{}\" mounts hostPath {}, {}: a "
                             "compromised container owns the node; "
                             "use a PersistentVolumeClaim, emptyDir or "
                             "a CSI volume instead",
                             volumes.at(i)["name"].str(), path.str(), why));
    }
  }
}

}  // namespace

extern const Rule kSensitiveHostPath = {
    {"SEC008", "sensitive-host-path", Area::Security, Severity::Error,
     "A pod mounts a sensitive hostPath: the container runtime socket, `/` "
     "or a system directory."},
    check};

}  // namespace launchlint
