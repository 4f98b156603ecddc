#include "linter/review/review.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "linter/lint/lint.h"
#include "linter/model/test_model.h"
#include "linter/review/attribution.h"

namespace launchlint {

namespace {

// Only the rules a test names run: every area is off, the named rules on.
constexpr std::string_view kOnlyPrivileged = R"(rules:
  security: off
  scheduling: off
  rollout: off
  observability: off
  cost: off
  general: off
  SEC001: error
  GEN200: on
  GEN201: on
  GEN202: on
)";

struct Run {
  Config config;
  LintOptions options;
  LintRun lint;
  Review review;
};

std::unique_ptr<Run> review_of(
    std::string_view manifests,
    std::string config_text = std::string(kOnlyPrivileged),
    long today = 20000) {  // 2024-10-04
  auto run = std::make_unique<Run>();
  std::vector<ConfigError> errors;
  REQUIRE(
      load_config_text(".launchlint.yaml", config_text, &run->config, &errors));
  apply_config(run->config, &run->options.settings);
  run->options.config = &run->config;
  run->options.today = today;
  run->lint = lint_texts({{"m.yaml", std::string(manifests)}}, run->options);
  run->review =
      build_review(run->lint.model, run->lint.findings, run->lint.accepted,
                   run->config, run->options.settings, run->lint.today);
  return run;
}

constexpr std::string_view kPrivilegedPod = R"(apiVersion: v1
kind: Pod
metadata:
  name: agent
  namespace: ops
spec:
  containers:
  - name: agent
    image: example/agent:1.0
    securityContext: {privileged: true}
)";

constexpr std::string_view kPlainPod = R"(apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: ops
spec:
  containers:
  - name: web
    image: example/web:1.0
)";

}  // namespace

TEST_CASE("decision: approve when nothing is open") {
  auto run = review_of(kPlainPod);
  CHECK(run->review.decision.verdict == Verdict::Approve);
  CHECK(run->review.decision.primary_risk == nullptr);
  REQUIRE(run->review.workloads.size() == 1);
  for (AreaStatus s : run->review.workloads[0].areas)
    CHECK(s == AreaStatus::Pass);
}

TEST_CASE("decision: block on an unsuppressed error, with the primary risk") {
  auto run = review_of(kPrivilegedPod);
  CHECK(run->review.decision.verdict == Verdict::Block);
  REQUIRE(run->review.decision.primary_risk != nullptr);
  CHECK(run->review.decision.primary_risk->rule->id == "SEC001");
  CHECK(run->review.workloads[0].areas[0] == AreaStatus::Fail);
  CHECK(run->review.workloads[0].areas[1] == AreaStatus::Pass);
}

TEST_CASE("decision: warnings only approve with conditions") {
  std::string config(kOnlyPrivileged);
  config.replace(config.find("SEC001: error"), 13, "SEC001: warning");
  auto run = review_of(kPrivilegedPod, config);
  CHECK(run->review.decision.verdict == Verdict::ApproveWithConditions);
  CHECK(run->review.workloads[0].areas[0] == AreaStatus::Warn);
}

TEST_CASE("decision: an accepted exception alone approves with conditions") {
  std::string pod(kPrivilegedPod);
  pod.replace(pod.find("  namespace: ops\n"), 16,
              "  namespace: ops\n  annotations:\n"
              "    ignore-check.launchlint.io/SEC001: \"host agent\"\n"
              "    launchlint.io/exception-owner: team-sec\n"
              "    launchlint.io/exception-expires: \"2024-12-01\"\n");
  auto run = review_of(pod);
  CHECK(run->review.decision.verdict == Verdict::ApproveWithConditions);
  REQUIRE(run->review.decision.accepted.size() == 1);
  const AcceptedException& e = run->review.decision.accepted[0];
  CHECK(e.rule == "SEC001");
  CHECK(e.reason == "host agent");
  CHECK(e.owner == "team-sec");
  CHECK(e.object.name == "agent");
  CHECK_FALSE(e.from_config);
  CHECK(run->review.decision.review_date == "2024-12-01");
  CHECK(run->review.workloads[0].areas[0] == AreaStatus::Pass);

  SUBCASE("and once expired it stops suppressing and blocks") {
    auto later =
        review_of(pod, std::string(kOnlyPrivileged), *parse_date("2024-12-02"));
    CHECK(later->review.decision.verdict == Verdict::Block);
    CHECK(later->review.decision.accepted.empty());
    bool expired = false;
    for (const Finding& f : later->lint.findings)
      expired |= f.rule->id == "GEN201" && f.location.line == 9;
    CHECK(expired);
  }
}

TEST_CASE("primary risk: highest severity, ties broken by area order") {
  Model model;
  std::vector<Finding> findings(3);
  RuleInfo cost{"CST900", "c", Area::Cost, Severity::Error, "c."};
  RuleInfo sched{"SCH900", "s", Area::Scheduling, Severity::Error, "s."};
  RuleInfo sec{"SEC900", "x", Area::Security, Severity::Warning, "x."};
  findings[0].rule = &cost;
  findings[0].severity = Severity::Error;
  findings[1].rule = &sec;
  findings[1].severity = Severity::Warning;
  findings[2].rule = &sched;
  findings[2].severity = Severity::Error;
  Config config;
  Review r = build_review(model, findings, {}, config, LintSettings{}, 0);
  REQUIRE(r.decision.primary_risk != nullptr);
  CHECK(r.decision.primary_risk->rule->id == "SCH900");
  CHECK(r.decision.verdict == Verdict::Block);
  CHECK(r.decision.review_date == "1970-04-01");  // default interval: 90 days
}

TEST_CASE("config exceptions: glob match, expiry and staleness") {
  std::string config = std::string(kOnlyPrivileged) + R"(exceptions:
- rule: privileged-container
  match: {kind: pod, namespace: "o*", name: "ag?nt"}
  reason: driver installer
  owner: team-gpu
  expires: "2025-01-31"
- rule: SEC001
  match: {namespace: nowhere}
  reason: stale on purpose
  owner: team-x
reviewInterval: 30d
)";
  auto run = review_of(kPrivilegedPod, config);
  CHECK(run->review.decision.verdict == Verdict::ApproveWithConditions);
  REQUIRE(run->review.decision.accepted.size() == 1);
  CHECK(run->review.decision.accepted[0].from_config);
  CHECK(run->review.decision.review_date == "2025-01-31");
  int stale = 0;
  for (const Finding& f : run->lint.findings) {
    if (f.rule->id == "SEC001") CHECK(f.suppressed);
    if (f.rule->id == "GEN202") {
      ++stale;
      CHECK(f.location.file_name() == ".launchlint.yaml");
      CHECK(f.location.line == 18);
    }
  }
  CHECK(stale == 1);

  auto expired = review_of(kPrivilegedPod, config, *parse_date("2025-02-01"));
  CHECK(expired->review.decision.verdict == Verdict::Block);
  bool reported = false;
  for (const Finding& f : expired->lint.findings)
    reported |= f.rule->id == "GEN201" && f.location.line == 13;
  CHECK(reported);

  auto plain = review_of(kPlainPod,
                         std::string(kOnlyPrivileged) + "reviewInterval: 2w\n");
  CHECK(plain->review.decision.review_date == "2024-10-18");
}

TEST_CASE("owners: workload, then namespace, then config defaults") {
  std::string manifests = R"(apiVersion: v1
kind: Namespace
metadata:
  name: ops
  annotations:
    launchlint.io/slo-owner: ns-sre
    launchlint.io/owner: ns-team
---
)" + std::string(kPlainPod) +
                          R"(---
apiVersion: v1
kind: Pod
metadata:
  name: own
  namespace: ops
  annotations:
    launchlint.io/rollback-owner: pod-team
spec:
  containers:
  - name: web
    image: example/web:1.0
---
apiVersion: v1
kind: Pod
metadata:
  name: elsewhere
  namespace: other
spec:
  containers:
  - name: web
    image: example/web:1.0
)";
  std::string config = std::string(kOnlyPrivileged) +
                       "owners:\n  rollback: cfg-rollback\n  slo: cfg-slo\n";
  auto run = review_of(manifests, config);
  REQUIRE(run->review.workloads.size() == 3);
  const Owners& web = run->review.workloads[0].owners;
  CHECK(web.rollback.name == "ns-team");  // the namespace's launchlint.io/owner
  CHECK(web.rollback.source == "namespace");
  CHECK(web.slo.name == "ns-sre");
  const Owners& own = run->review.workloads[1].owners;
  CHECK(own.rollback.name == "pod-team");
  CHECK(own.rollback.source == "workload");
  CHECK(own.slo.name == "ns-sre");
  const Owners& elsewhere = run->review.workloads[2].owners;
  CHECK(elsewhere.rollback.name == "cfg-rollback");
  CHECK(elsewhere.rollback.source == "config");
  CHECK(elsewhere.slo.name == "cfg-slo");
  CHECK(run->review.decision.rollback_owner ==
        "ns-team, pod-team, cfg-rollback");

  // owners.owner stands in for the config's missing rollback or SLO owner.
  auto fallback =
      review_of(manifests, std::string(kOnlyPrivileged) +
                               "owners:\n  slo: cfg-slo\n  owner: cfg-team\n");
  const Owners& other = fallback->review.workloads[2].owners;
  CHECK(other.rollback.name == "cfg-team");
  CHECK(other.rollback.source == "config");
  CHECK(other.slo.name == "cfg-slo");
  CHECK(other.owner.name == "cfg-team");
}

TEST_CASE("findings on other objects count for the workloads they affect") {
  std::string manifests = R"(apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: ops
  labels: {app: web}
spec:
  containers:
  - name: web
    image: example/web:1.0
---
apiVersion: v1
kind: Pod
metadata:
  name: other
  namespace: ops
  labels: {app: other}
spec:
  containers:
  - name: web
    image: example/web:1.0
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: ops
spec:
  selector: {app: web}
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: q
  namespace: ops
)";
  auto run = review_of(manifests);
  RuleInfo svc_rule{"SEC901", "svc", Area::Security, Severity::Error, "s."};
  RuleInfo quota_rule{"CST901", "q", Area::Cost, Severity::Warning, "q."};
  std::vector<Finding> findings(2);
  findings[0].rule = &svc_rule;
  findings[0].severity = Severity::Error;
  findings[0].object = run->lint.model.objects[2].id;
  findings[1].rule = &quota_rule;
  findings[1].severity = Severity::Warning;
  findings[1].object = run->lint.model.objects[3].id;
  Review r = build_review(run->lint.model, findings, {}, run->config,
                          run->options.settings, 0);
  REQUIRE(r.workloads.size() == 2);
  CHECK(r.workloads[0].areas[0] ==
        AreaStatus::Fail);  // selected by the Service
  CHECK(r.workloads[1].areas[0] == AreaStatus::Pass);
  CHECK(r.workloads[0].areas[4] == AreaStatus::Warn);  // the namespace's quota
  CHECK(r.workloads[1].areas[4] == AreaStatus::Warn);
}

TEST_CASE("copies of one workload share the row of the copy that runs pods") {
  // The first copy has no pod template; the second does (found by the loader
  // fuzz target: the finding on the second copy pointed at a row that was
  // never made).
  std::string manifests = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: router, namespace: ops}
spec:
  selector: {matchLabels: {app: router}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: router, namespace: ops}
spec:
  selector: {matchLabels: {app: router}}
  template:
    metadata: {labels: {app: router}}
    spec:
      containers:
      - name: router
        image: example/router:1.0
        securityContext: {privileged: true}
)";
  auto run = review_of(manifests);
  REQUIRE(run->lint.model.objects.size() == 2);
  REQUIRE(run->review.workloads.size() == 1);
  CHECK(run->review.workloads[0].object == &run->lint.model.objects[1]);
  CHECK(run->review.workloads[0].areas[0] == AreaStatus::Fail);  // SEC001
  CHECK(run->review.decision.verdict == Verdict::Block);
}

TEST_CASE("cost: replicas x (GPUs, CPU, memory) x price, HPA min and max") {
  std::string manifests = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: llm, namespace: ops}
spec:
  replicas: 2
  template:
    spec:
      nodeSelector: {nvidia.com/gpu.product: NVIDIA-A100-SXM4-80GB}
      containers:
      - name: vllm
        image: vllm/vllm-openai:v0.11.0
        resources:
          requests: {cpu: "8", memory: 64Gi}
          limits: {nvidia.com/gpu: 2, memory: 64Gi}
      initContainers:
      - name: fetch
        image: busybox:1.36
        resources: {requests: {cpu: "100", memory: 1Ti}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: llm, namespace: ops}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: llm}
  minReplicas: 1
  maxReplicas: 4
)";
  std::string config = std::string(kOnlyPrivileged) + R"(prices:
  currency: EUR
  gpu: {NVIDIA-A100-SXM4-80GB: 3.0, default: 1.0}
  cpuCore: 0.05
  memoryGiB: 0.01
)";
  auto run = review_of(manifests, config);
  REQUIRE(run->review.workloads.size() == 1);
  const CostEstimate& c = run->review.workloads[0].cost;
  CHECK(c.gpus == 2);
  CHECK(c.cpu_cores == 8);
  CHECK(c.memory_gib == 64);
  CHECK(c.gpu_product == "NVIDIA-A100-SXM4-80GB");
  CHECK(c.min_replicas == 1);
  CHECK(c.max_replicas == 4);
  double per_replica = 2 * 3.0 + 8 * 0.05 + 64 * 0.01;  // 7.04
  CHECK(c.hourly_min == doctest::Approx(per_replica));
  CHECK(c.hourly_max == doctest::Approx(4 * per_replica));
  CHECK(c.monthly_max() == doctest::Approx(4 * per_replica * 730));
  CHECK(run->review.currency == "EUR");

  // A KEDA ScaledObject instead: scale to zero, up to maxReplicaCount.
  std::string keda = manifests.substr(0, manifests.find("---")) + R"(---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: llm, namespace: ops}
spec:
  scaleTargetRef: {name: llm}
  maxReplicaCount: 6
)";
  auto scaled = review_of(keda, config);
  REQUIRE(scaled->review.workloads.size() == 1);
  CHECK(scaled->review.workloads[0].cost.min_replicas == 0);
  CHECK(scaled->review.workloads[0].cost.max_replicas == 6);
  CHECK(scaled->review.workloads[0].cost.hourly_max ==
        doctest::Approx(6 * per_replica));
}

TEST_CASE("cost: the config's accelerator names count and price") {
  std::string manifests = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: npu, namespace: ops}
spec:
  replicas: 3
  template:
    spec:
      nodeSelector: {example.com/accelerator: npu-x1}
      containers:
      - name: server
        image: example.com/server:1.0
        resources: {limits: {example.com/npu: 4}}
)";
  std::string prices = R"(prices:
  gpu: {npu-x1: 2.0, default: 9.0}
)";
  auto builtin = review_of(manifests, std::string(kOnlyPrivileged) + prices);
  REQUIRE(builtin->review.workloads.size() == 1);
  CHECK(builtin->review.workloads[0].cost.gpus == 0);

  auto run = review_of(manifests, std::string(kOnlyPrivileged) + prices + R"(
gpuResources: [example.com/npu]
acceleratorNodeLabels: [example.com/accelerator]
)");
  REQUIRE(run->review.workloads.size() == 1);
  const CostEstimate& c = run->review.workloads[0].cost;
  CHECK(c.gpus == 4);
  CHECK(c.gpu_product == "npu-x1");
  CHECK(c.hourly_min == doctest::Approx(3 * 4 * 2.0));
}

TEST_CASE("rule settings: off drops findings, severity overrides apply") {
  std::string config(kOnlyPrivileged);
  auto on = review_of(kPrivilegedPod, config);
  CHECK(on->lint.findings.size() == 1);
  config.replace(config.find("SEC001: error"), 13, "SEC001: off");
  auto off = review_of(kPrivilegedPod, config);
  CHECK(off->lint.findings.empty());
  config.replace(config.find("SEC001: off"), 11,
                 "privileged-container: {severity: info}");
  auto info = review_of(kPrivilegedPod, config);
  REQUIRE(info->lint.findings.size() == 1);
  CHECK(info->lint.findings[0].severity == Severity::Info);
  CHECK(info->review.decision.verdict == Verdict::Approve);
}

TEST_CASE(
    "attribution: each kind of object counts for the workloads it affects") {
  Model model = load_model(R"(apiVersion: v1
kind: Namespace
metadata: {name: ops}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: ops}
spec:
  template:
    metadata: {labels: {app: api}}
    spec:
      serviceAccountName: api-sa
      containers:
      - name: api
        image: example/api:1.0
        env:
        - name: TOKEN
          valueFrom: {secretKeyRef: {name: api-token, key: t}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: batch, namespace: ops}
spec:
  template:
    metadata: {labels: {app: batch}}
    spec:
      containers:
      - name: batch
        image: example/batch:1.0
        envFrom: [{configMapRef: {name: batch-cfg}}]
      volumes:
      - name: weights
        persistentVolumeClaim: {claimName: weights}
---
apiVersion: v1
kind: Pod
metadata: {name: stray, namespace: other, labels: {app: api}}
spec:
  serviceAccountName: api-sa
  containers: [{name: s, image: example/api:1.0}]
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: ops, labels: {team: x}}
spec:
  selector: {app: api}
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: api, namespace: monitoring}
spec:
  namespaceSelector: {matchNames: [ops]}
  selector: {matchLabels: {team: x}}
---
apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata: {name: batch, namespace: ops}
spec:
  selector: {matchLabels: {app: batch}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: all, namespace: ops}
spec:
  selector: {}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: ops}
spec:
  podSelector: {}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-in, namespace: ops}
spec:
  podSelector: {matchLabels: {app: api}}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: api-sa, namespace: ops}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: reader, namespace: ops}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: reader, namespace: ops}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
subjects: [{kind: ServiceAccount, name: api-sa}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: admin-ish}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: admin-ish}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: admin-ish}
subjects: [{kind: ServiceAccount, name: default, namespace: ops}]
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: batch, namespace: ops}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: batch}
---
apiVersion: v1
kind: Secret
metadata: {name: api-token, namespace: ops}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: batch-cfg, namespace: ops}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: weights, namespace: ops}
---
apiVersion: v1
kind: ResourceQuota
metadata: {name: q, namespace: ops}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: unused, namespace: ops}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: api, namespace: ops}
spec:
  rules:
  - http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: api, namespace: ops}
spec:
  rules:
  - backendRefs: [{name: api, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: pool, namespace: ops}
spec:
  rules:
  - backendRefs: [{group: inference.networking.k8s.io, kind: InferencePool, name: batch}]
---
apiVersion: inference.networking.k8s.io/v1
kind: InferencePool
metadata: {name: batch, namespace: ops}
spec:
  selector: {matchLabels: {app: batch}}
---
apiVersion: inference.networking.x-k8s.io/v1alpha2
kind: InferencePool
metadata: {name: api-alpha, namespace: ops}
spec:
  selector: {app: api}
---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: api, namespace: ops}
spec:
  scaleTargetRef: {name: api}
)");
  NamespaceModel namespaces(model);
  Attribution attribution(model, namespaces);
  auto names_for = [&](std::string_view kind, std::string_view name) {
    const Object* target = nullptr;
    for (const Object& o : model.objects) {
      if (o.id.kind == kind && o.id.name == name) target = &o;
    }
    REQUIRE(target != nullptr);
    Finding f;
    f.object = target->id;
    std::string out;
    for (std::size_t w : attribution.workloads_of(f))
      out +=
          fmt::format("{}{}", out.empty() ? "" : ",", model.objects[w].id.name);
    return out;
  };
  CHECK(attribution.workloads().size() == 3);
  CHECK(names_for("Deployment", "api") == "api");
  CHECK(names_for("Pod", "stray") == "stray");
  CHECK(names_for("Namespace", "ops") == "api,batch");
  CHECK(names_for("ResourceQuota", "q") == "api,batch");
  CHECK(names_for("Service", "api") == "api");
  // A ServiceMonitor selects Services by their labels, in the namespaces it
  // watches; the pods behind them are what it scrapes.
  CHECK(names_for("ServiceMonitor", "api") == "api");
  CHECK(names_for("PodMonitor", "batch") == "batch");
  CHECK(names_for("PodDisruptionBudget", "all") == "api,batch");
  CHECK(names_for("NetworkPolicy", "deny") == "api,batch");
  CHECK(names_for("NetworkPolicy", "api-in") == "api");
  CHECK(names_for("ServiceAccount", "api-sa") == "api");
  CHECK(names_for("Role", "reader") == "api");
  CHECK(names_for("RoleBinding", "reader") == "api");
  CHECK(names_for("ClusterRole", "admin-ish") == "batch");
  CHECK(names_for("ClusterRoleBinding", "admin-ish") == "batch");
  CHECK(names_for("HorizontalPodAutoscaler", "batch") == "batch");
  CHECK(names_for("Secret", "api-token") == "api");
  CHECK(names_for("ConfigMap", "batch-cfg") == "batch");
  CHECK(names_for("PersistentVolumeClaim", "weights") == "batch");
  CHECK(names_for("ConfigMap", "unused") == "");
  CHECK(names_for("Ingress", "api") == "api");
  CHECK(names_for("HTTPRoute", "api") == "api");
  CHECK(names_for("HTTPRoute", "pool") == "batch");
  CHECK(names_for("InferencePool", "batch") == "batch");
  CHECK(names_for("InferencePool", "api-alpha") == "api");
  CHECK(names_for("ScaledObject", "api") == "api");
}

TEST_CASE("primary risk: an info finding when nothing worse is open") {
  Model model;
  RuleInfo note{"OBS900", "n", Area::Observability, Severity::Info, "n."};
  RuleInfo other{"SEC900", "x", Area::Security, Severity::Info, "x."};
  std::vector<Finding> findings(2);
  findings[0].rule = &note;
  findings[0].severity = Severity::Info;
  findings[1].rule = &other;
  findings[1].severity = Severity::Info;
  Review r = build_review(model, findings, {}, Config{}, LintSettings{}, 0);
  CHECK(r.decision.verdict == Verdict::Approve);
  REQUIRE(r.decision.primary_risk != nullptr);
  CHECK(r.decision.primary_risk->rule->id == "SEC900");  // security first
  findings[1].suppressed = true;
  r = build_review(model, findings, {}, Config{}, LintSettings{}, 0);
  REQUIRE(r.decision.primary_risk != nullptr);
  CHECK(r.decision.primary_risk->rule->id == "OBS900");
}

TEST_CASE("a config exception with a placeholder reason does not apply") {
  std::string config = std::string(kOnlyPrivileged) + R"(exceptions:
- rule: SEC001
  match: {kind: Pod}
  reason: TODO
  owner: team-sec
)";
  auto run = review_of(kPrivilegedPod, config);
  CHECK(run->review.decision.verdict == Verdict::Block);
  CHECK(run->review.decision.accepted.empty());
  int invalid = 0;
  for (const Finding& f : run->lint.findings) {
    if (f.rule->id == "SEC001") CHECK_FALSE(f.suppressed);
    if (f.rule->id == "GEN200") {
      ++invalid;
      CHECK(f.location.line == 13);  // the entry
      CHECK(f.message.find("no reason (\"TODO\")") != std::string::npos);
    }
  }
  CHECK(invalid == 1);
}

TEST_CASE("exceptions for a rule the config turns off accept nothing") {
  std::string pod(kPrivilegedPod);
  pod.replace(pod.find("  namespace: ops\n"), 16,
              "  namespace: ops\n  annotations:\n"
              "    ignore-check.launchlint.io/SEC001: \"host agent\"\n");
  std::string config(kOnlyPrivileged);
  config.replace(config.find("SEC001: error"), 13, "SEC001: off");
  config += R"(exceptions:
- rule: SEC001
  match: {kind: Pod}
  reason: host agent
  owner: team-sec
)";
  auto run = review_of(pod, config);
  CHECK(run->lint.findings.empty());  // no SEC001, and no GEN202 (stale)
  CHECK(run->review.decision.accepted.empty());
  CHECK(run->review.decision.verdict == Verdict::Approve);
}

TEST_CASE("an inline exception without an owner: the follow-up owner") {
  std::string pod(kPrivilegedPod);
  pod.replace(pod.find("  namespace: ops\n"), 16,
              "  namespace: ops\n  annotations:\n"
              "    ignore-check.launchlint.io/SEC001: \"host agent\"\n");
  std::string ns = R"(apiVersion: v1
kind: Namespace
metadata:
  name: ops
  annotations: {launchlint.io/owner: team-ops}
---
)";
  auto run = review_of(ns + pod);
  REQUIRE(run->review.decision.accepted.size() == 1);
  CHECK(run->review.decision.accepted[0].owner == "team-ops");
  for (const Finding& f : run->lint.findings) {
    if (f.rule->id == "SEC001") CHECK(f.suppression_owner == "team-ops");
  }
  // Nobody on the object or its namespace: the config's owners.owner.
  auto config_owner = review_of(
      pod, std::string(kOnlyPrivileged) + "owners: {owner: team-cfg}\n");
  REQUIRE(config_owner->review.decision.accepted.size() == 1);
  CHECK(config_owner->review.decision.accepted[0].owner == "team-cfg");
  // The exception's own owner wins.
  pod.replace(pod.find("\"host agent\"\n"), 13,
              "\"host agent\"\n    launchlint.io/exception-owner: team-sec\n");
  auto own = review_of(ns + pod);
  REQUIRE(own->review.decision.accepted.size() == 1);
  CHECK(own->review.decision.accepted[0].owner == "team-sec");
}

TEST_CASE("cost: GPUs the price table does not price are marked") {
  std::string manifests = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: llm, namespace: ops}
spec:
  template:
    spec:
      nodeSelector: {nvidia.com/gpu.product: NVIDIA-H100-80GB-HBM3}
      containers:
      - name: vllm
        image: vllm/vllm-openai:v0.11.0
        resources: {limits: {nvidia.com/gpu: 8}, requests: {cpu: "10"}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: ops}
spec:
  template:
    spec:
      containers:
      - name: web
        image: example/web:1.0
        resources: {requests: {cpu: "1"}}
)";
  std::string prices = "prices: {gpu: {NVIDIA-L4: 0.8}, cpuCore: 0.05}\n";
  auto run = review_of(manifests, std::string(kOnlyPrivileged) + prices);
  REQUIRE(run->review.workloads.size() == 2);
  const CostEstimate& llm = run->review.workloads[0].cost;
  CHECK(llm.gpu_unpriced);
  CHECK(llm.hourly_min == doctest::Approx(10 * 0.05));      // the GPUs count 0
  CHECK_FALSE(run->review.workloads[1].cost.gpu_unpriced);  // no GPUs

  auto priced = review_of(manifests,
                          std::string(kOnlyPrivileged) +
                              "prices: {gpu: {default: 2.0}, cpuCore: 0.05}\n");
  CHECK_FALSE(priced->review.workloads[0].cost.gpu_unpriced);
  CHECK(priced->review.workloads[0].cost.hourly_min ==
        doctest::Approx(8 * 2.0 + 10 * 0.05));
}

TEST_CASE("rule settings: an area's severity applies, a rule's own wins") {
  std::string config = R"(rules:
  security: warning
  scheduling: off
  rollout: off
  observability: off
  cost: off
  general: off
)";
  auto area = review_of(kPrivilegedPod, config);
  REQUIRE(area->lint.findings.size() > 0);
  for (const Finding& f : area->lint.findings)
    CHECK(f.severity == Severity::Warning);
  CHECK(area->review.decision.verdict == Verdict::ApproveWithConditions);
  CHECK(area->review.workloads[0].areas[0] == AreaStatus::Warn);

  auto own = review_of(kPrivilegedPod, config + "  SEC001: error\n");
  CHECK(own->review.decision.verdict == Verdict::Block);
  REQUIRE(own->review.decision.primary_risk != nullptr);
  CHECK(own->review.decision.primary_risk->rule->id == "SEC001");
}

}  // namespace launchlint
