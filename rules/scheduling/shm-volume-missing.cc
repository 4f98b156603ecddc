#include <algorithm>

#include <fmt/format.h>

#include "linter/model/accelerators.h"
#include "linter/model/serving.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

bool memory_volume(NodeRef volumes, std::string_view name) {
  for (std::uint32_t i = 0; i < volumes.size(); ++i) {
    NodeRef v = volumes.at(i);
    if (v["name"].str() == name)
      return v["emptyDir"]["medium"].str() == "Memory";
  }
  return false;
}

void check(const LintContext&, const Object& object, Reporter& out) {
  for (const PodTemplate& pod : object.pods) {
    const Container* server = server_container(pod);
    if (!server || pod.spec["hostIPC"].is_true()) continue;
    double gpus = std::max(pod_accelerators(pod),
                           static_cast<double>(tensor_parallel(*server).size));
    if (gpus <= 1) continue;
    NodeRef mounts = server->node["volumeMounts"];
    bool has_shm = false;
    for (std::uint32_t i = 0; i < mounts.size(); ++i) {
      NodeRef m = mounts.at(i);
      if (m["mountPath"].str() != "/dev/shm" &&
          m["mountPath"].str() != "/dev/shm/")
        continue;
      has_shm = memory_volume(pod.spec["volumes"], m["name"].str());
      if (!has_shm) {
        out.report(m["name"],
                   fmt::format("{} mounts /dev/shm from volume \"{}\", which "
                               "is not an emptyDir with medium: Memory; use "
                               "one so NCCL has shared memory",
                               pod.describe(*server), m["name"].str()));
        has_shm = true;
      }
    }
    if (has_shm || (server->from_runtime && !mounts.valid())) continue;
    out.report(mounts.valid() ? mounts : server->node,
               fmt::format("{} uses {} GPUs but has no memory-backed /dev/shm: "
                           "the container's 64 MiB default makes NCCL and "
                           "the tensor-parallel workers fail or crawl; mount "
                           "an emptyDir {{medium: Memory}} at /dev/shm",
                           pod.describe(*server), gpus));
  }
}

}  // namespace

extern const Rule kShmVolumeMissing = {
    {"SCH009", "shm-volume-missing", Area::Scheduling, Severity::Warning,
     "A multi-GPU model server has no memory-backed /dev/shm volume."},
    check};

}  // namespace launchlint
