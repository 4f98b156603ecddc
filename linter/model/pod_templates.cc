#include "linter/model/pod_templates.h"

#include <array>
#include <string_view>

#include "linter/model/serving.h"

namespace launchlint {

namespace {

void add_containers(NodeRef list, ContainerKind kind,
                    std::vector<Container>* out) {
  for (std::uint32_t i = 0; i < list.size(); ++i) {
    NodeRef c = list.at(i);
    if (!c.is_map()) continue;
    ContainerKind k = kind;
    if (kind == ContainerKind::Init && c["restartPolicy"].str() == "Always")
      k = ContainerKind::Sidecar;
    out->push_back({c, k});
  }
}

// `holder` has `metadata` and `spec` (a PodTemplateSpec).
void add_template(NodeRef holder, std::string role,
                  std::vector<PodTemplate>* out) {
  if (!holder.is_map()) return;
  PodTemplate t;
  t.role = std::move(role);
  t.holder = holder;
  t.metadata = holder["metadata"];
  t.spec = holder["spec"];
  if (!t.spec.is_map()) return;
  add_containers(t.spec["initContainers"], ContainerKind::Init, &t.containers);
  add_containers(t.spec["containers"], ContainerKind::Main, &t.containers);
  out->push_back(std::move(t));
}

// KServe components inline the pod spec; `model` and the framework keys are
// containers that the runtime fills in.
constexpr std::array<std::string_view, 15> kKServeFrameworks = {
    "model",   "huggingface", "pytorch", "tensorflow", "sklearn",
    "xgboost", "lightgbm",    "onnx",    "triton",     "paddle",
    "pmml",    "alibi",       "art",     "custom",     "mlflow"};

void add_inline_pod(NodeRef spec, NodeRef metadata, std::string role,
                    std::vector<PodTemplate>* out) {
  if (!spec.is_map()) return;
  PodTemplate t;
  t.role = std::move(role);
  t.holder = spec;
  t.metadata = metadata;
  t.spec = spec;
  add_containers(spec["initContainers"], ContainerKind::Init, &t.containers);
  for (std::string_view fw : kKServeFrameworks) {
    NodeRef c = spec[fw];
    if (c.is_map()) t.containers.push_back({c, ContainerKind::Main, true});
  }
  add_containers(spec["containers"], ContainerKind::Main, &t.containers);
  out->push_back(std::move(t));
}

void add_ray_cluster(NodeRef cluster, std::vector<PodTemplate>* out) {
  add_template(cluster["headGroupSpec"]["template"], "head", out);
  NodeRef workers = cluster["workerGroupSpecs"];
  for (std::uint32_t i = 0; i < workers.size(); ++i) {
    std::string_view name = workers.at(i)["groupName"].str();
    add_template(
        workers.at(i)["template"],
        name.empty() ? std::string("worker") : "worker:" + std::string(name),
        out);
  }
}

}  // namespace

std::vector<PodTemplate> find_pod_templates(const Object& o) {
  std::vector<PodTemplate> out;
  std::string_view kind = o.id.kind;
  std::string_view group = o.group;
  NodeRef spec = o.spec();
  if (group.empty() && kind == "Pod") {
    add_template(o.root, "", &out);
  } else if (group.empty() &&
             (kind == "ReplicationController" || kind == "PodTemplate")) {
    add_template(kind == "PodTemplate" ? o.root["template"] : spec["template"],
                 "", &out);
  } else if ((group == "apps" &&
              (kind == "Deployment" || kind == "StatefulSet" ||
               kind == "DaemonSet" || kind == "ReplicaSet")) ||
             (group == "batch" && kind == "Job") ||
             (group == "argoproj.io" && kind == "Rollout")) {
    add_template(spec["template"], "", &out);
  } else if (group == "batch" && kind == "CronJob") {
    add_template(spec["jobTemplate"]["spec"]["template"], "", &out);
  } else if (group == "leaderworkerset.x-k8s.io" && kind == "LeaderWorkerSet") {
    NodeRef lwt = spec["leaderWorkerTemplate"];
    add_template(lwt["leaderTemplate"], "leader", &out);
    add_template(lwt["workerTemplate"], "worker", &out);
  } else if (group == "serving.kserve.io" && kind == "InferenceService") {
    for (std::string_view role : {"predictor", "transformer", "explainer"})
      add_inline_pod(spec[role], o.metadata, std::string(role), &out);
  } else if (group == "serving.kserve.io" &&
             (kind == "ServingRuntime" || kind == "ClusterServingRuntime")) {
    add_inline_pod(spec, o.metadata, "runtime", &out);
  } else if (group == "serving.kserve.io" && kind == "LLMInferenceService") {
    add_inline_pod(spec["template"], o.metadata, "", &out);
    add_inline_pod(spec["worker"], o.metadata, "worker", &out);
    add_inline_pod(spec["prefill"]["template"], o.metadata, "prefill", &out);
    add_inline_pod(spec["prefill"]["worker"], o.metadata, "prefill-worker",
                   &out);
    // The LLMInferenceServiceConfig templates are merged into these
    // containers by name, supplying image, securityContext, probes, volumes.
    for (PodTemplate& t : out) {
      for (Container& c : t.containers) {
        if (c.name() == "main" || c.name() == "llm-d-routing-sidecar")
          c.from_runtime = true;
      }
    }
  } else if (group == "ray.io" && kind == "RayCluster") {
    add_ray_cluster(spec, &out);
  } else if (group == "ray.io" && kind == "RayService") {
    add_ray_cluster(spec["rayClusterConfig"], &out);
  } else if (group == "ray.io" && kind == "RayJob") {
    add_ray_cluster(spec["rayClusterSpec"], &out);
  }
  for (PodTemplate& t : out) {
    for (Container& c : t.containers) c.server = recognise_server(c);
  }
  return out;
}

}  // namespace launchlint
