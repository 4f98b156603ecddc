#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "linter/model/accelerators.h"
#include "linter/model/serving.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

// Pods that one server instance spans: a LeaderWorkerSet group, or
// SGLang's --nnodes.
long long group_size(const Object& object, const Container& server) {
  long long size = 1;
  if (object.is("leaderworkerset.x-k8s.io", "LeaderWorkerSet") &&
      !object.spec()["leaderWorkerTemplate"]["size"].as_int(&size))
    size = 1;
  return std::max({size, node_count(server).size, 1LL});
}

void check(const LintContext&, const Object& object, Reporter& out) {
  if (object.group == "ray.io") return;  // Ray places workers across pods
  for (const PodTemplate& pod : object.pods) {
    const Container* server = server_container(pod);
    if (!server) continue;
    ParallelDegree tp = tensor_parallel(*server);
    ParallelDegree pp = pipeline_parallel(*server);
    auto gpus = static_cast<long long>(pod_accelerators(pod));
    if (tp.size <= 0 || gpus <= 0) continue;
    long long world = tp.size * std::max(pp.size, 1LL);
    long long pods = group_size(object, *server);
    if (world <= gpus * pods) continue;
    std::string asked = pp.size > 1
                            ? fmt::format("{} {} x {} {} = {} GPUs", tp.flag,
                                          tp.size, pp.flag, pp.size, world)
                            : fmt::format("{} {}", tp.flag, tp.size);
    std::string has =
        pods > 1
            ? fmt::format("its {} pods have {} GPUs ({} each)", pods,
                          gpus * pods, gpus)
            : fmt::format("the pod has {} GPU{}", gpus, gpus == 1 ? "" : "s");
    out.report(
        tp.at,
        fmt::format("{} sets {} but {}: the server will not start; "
                    "lower {} to fit or give {} pod {} GPUs",
                    pod.describe(*server), asked, has, tp.flag,
                    pods > 1 ? "each" : "the", (world + pods - 1) / pods));
  }
}

}  // namespace

extern const Rule kTensorParallelExceedsGpus = {
    {"SCH008", "tensor-parallel-exceeds-gpus", Area::Scheduling,
     Severity::Error,
     "A model server's tensor-parallel size (times pipeline stages) is "
     "larger than the GPUs of its pod, or of its LeaderWorkerSet group."},
    check};

}  // namespace launchlint
