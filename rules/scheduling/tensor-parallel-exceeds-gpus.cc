#include <fmt/format.h>

#include "linter/model/accelerators.h"
#include "linter/model/serving.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext&, const Object& object, Reporter& out) {
  for (const PodTemplate& pod : object.pods) {
    const Container* server = server_container(pod);
    if (!server) continue;
    TensorParallel tp = tensor_parallel(*server);
    auto gpus = static_cast<long long>(pod_accelerators(pod));
    if (tp.size <= 0 || gpus <= 0 || tp.size <= gpus) continue;
    bool group = object.is("leaderworkerset.x-k8s.io", "LeaderWorkerSet");
    out.report(tp.at,
               fmt::format("{} sets {} {} but the pod has {} GPU{}: the "
                           "server will not start; set {} to at most {}{} or "
                           "give the pod {} GPUs",
                           pod.describe(*server), tp.flag, tp.size, gpus,
                           gpus == 1 ? "" : "s", tp.flag, gpus,
                           group ? " and spread the rest across the group's "
                                   "pods with --pipeline-parallel-size"
                                 : "",
                           tp.size));
  }
}

}  // namespace

extern const Rule kTensorParallelExceedsGpus = {
    {"SCH008", "tensor-parallel-exceeds-gpus", Area::Scheduling,
     Severity::Error,
     "A model server's tensor-parallel size is larger than its pod's GPUs."},
    check};

}  // namespace launchlint
