// The hardened reference deployment (testdata/examples/reference-llm.yaml)
// must be clean under every registered rule, and each single gap added to it
// must be caught by the right rule, in the right area, and by no other rule
// at warning or error ("one problem, one rule").
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "linter/lint/lint.h"
#include "linter/rules/registry.h"

namespace launchlint {

namespace {

std::string reference_text() {
  std::ifstream in(std::filesystem::path(LAUNCHLINT_SOURCE_DIR) / "testdata" /
                   "examples" / "reference-llm.yaml");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<Finding> lint(const std::string& text) {
  return lint_texts({{"reference-llm.yaml", text}}, LintOptions{}).findings;
}

std::string describe(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) {
    out +=
        fmt::format("  {}:{} {} {}: {}\n", f.location.line, f.location.column,
                    f.rule->id, to_string(f.severity), f.message);
  }
  return out;
}

struct Gap {
  std::string_view what;
  std::string_view find;  // must occur exactly once in the reference
  std::string_view replace;
  std::string_view rule;  // the rule that must catch it
  std::string_view area;
};

// Each entry opens one gap. Keep the text fragments exact: the test fails
// when one no longer matches the reference.
constexpr Gap kGaps[] = {
    {"image on a moving tag",
     "vllm/"
     "vllm-openai:v0.11.0@sha256:"
     "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
     "vllm/vllm-openai:latest", "ROL001", "rollout"},
    {"image pinned by tag only",
     "vllm/"
     "vllm-openai:v0.11.0@sha256:"
     "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
     "vllm/vllm-openai:v0.11.0", "ROL003", "rollout"},
    {"no readiness probe",
     "        readinessProbe:\n          httpGet:\n            path: /health\n"
     "            port: http\n          periodSeconds: 5\n"
     "          failureThreshold: 3\n",
     "", "ROL002", "rollout"},
    {"no revision history", "revisionHistoryLimit: 5",
     "revisionHistoryLimit: 0", "ROL004", "rollout"},
    {"maxUnavailable takes every replica down",
     "      maxUnavailable: 1\n      maxSurge: 0\n",
     "      maxUnavailable: 2\n      maxSurge: 0\n", "ROL005", "rollout"},
    {"Recreate strategy",
     "    type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: 1\n"
     "      maxSurge: 0\n",
     "    type: Recreate\n", "ROL006", "rollout"},
    {"TCP readiness probe",
     "        readinessProbe:\n          httpGet:\n            path: /health\n"
     "            port: http\n",
     "        readinessProbe:\n          tcpSocket:\n            port: http\n",
     "ROL007", "rollout"},
    {"liveness probe without startup probe",
     "        startupProbe:\n          httpGet:\n            path: /health\n"
     "            port: http\n          periodSeconds: 10\n"
     "          failureThreshold: 90\n",
     "", "ROL008", "rollout"},
    {"probe on an undeclared port",
     "        startupProbe:\n          httpGet:\n            path: /health\n"
     "            port: http\n",
     "        startupProbe:\n          httpGet:\n            path: /health\n"
     "            port: api\n",
     "ROL009", "rollout"},
    {"progress deadline shorter than the startup budget",
     "progressDeadlineSeconds: 1800", "progressDeadlineSeconds: 600", "ROL010",
     "rollout"},
    {"hub model without a revision",
     "        - --revision\n        - "
     "5f0b02c75b57c5855da9ae460ce51323ea669d8a\n",
     "", "ROL011", "rollout"},
    {"weights cache on an emptyDir",
     "        persistentVolumeClaim:\n          claimName: "
     "llama-3-8b-weights\n",
     "        emptyDir: {}\n", "ROL012", "rollout"},
    {"no PodDisruptionBudget",
     "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n"
     "  name: llama-3-8b\n  namespace: llm-prod\nspec:\n  maxUnavailable: 1\n"
     "  selector:\n    matchLabels:\n      app.kubernetes.io/name: llama-3-8b\n"
     "---\n",
     "", "ROL013", "rollout"},
    {"PodDisruptionBudget that blocks eviction",
     "spec:\n  maxUnavailable: 1\n  selector:",
     "spec:\n  maxUnavailable: 0\n  selector:", "ROL014", "rollout"},
    {"no ServiceMonitor",
     "  endpoints:\n  - port: http\n    path: /metrics\n    interval: 15s\n",
     "  endpoints: []\n", "OBS001", "observability"},
    {"ServiceMonitor on a missing port", "  - port: http\n    path: /metrics\n",
     "  - port: metrics\n    path: /metrics\n", "OBS002", "observability"},
    {"no tracing",
     "        - --otlp-traces-endpoint\n"
     "        - grpc://otel-collector.observability.svc:4317\n",
     "", "OBS003", "observability"},
    {"metrics switched off",
     "        - --tensor-parallel-size\n        - \"1\"\n",
     "        - --tensor-parallel-size\n        - \"1\"\n"
     "        - --disable-log-stats\n",
     "OBS004", "observability"},
    {"cost label missing on the workload", "\n    tenant: platform\n", "\n",
     "CST001", "cost"},
    {"CPU request that is not a quantity", "            cpu: \"8\"\n",
     "            cpu: \"eight\"\n", "GEN021", "general"},
    {"autoscaler beyond the GPU quota", "maxReplicas: 8", "maxReplicas: 9",
     "CST003", "cost"},
    {"no CPU request", "            cpu: \"8\"\n", "", "SCH001", "scheduling"},
    {"GPU limit differs from the request",
     "            memory: 48Gi\n            nvidia.com/gpu: 1\n        "
     "startupProbe",
     "            memory: 48Gi\n            nvidia.com/gpu: 2\n        "
     "startupProbe",
     "SCH002", "scheduling"},
    {"privileged container", "          allowPrivilegeEscalation: false\n",
     "          allowPrivilegeEscalation: false\n          privileged: true\n",
     "SEC001", "security"},
    {"no SLO owner", "    launchlint.io/slo-owner: team-llm-serving\n", "",
     "OBS200", "observability"},
    {"no rollback owner",
     "    launchlint.io/rollback-owner: team-llm-serving\n", "", "ROL200",
     "rollout"},
};

std::size_t occurrences(const std::string& text, std::string_view part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos;
       at = text.find(part, at + 1))
    ++n;
  return n;
}

}  // namespace

TEST_CASE("the reference deployment is clean under every rule") {
  std::string text = reference_text();
  REQUIRE(!text.empty());
  std::vector<Finding> findings = lint(text);
  std::vector<Finding> serious;
  for (const Finding& f : findings) {
    if (f.severity != Severity::Info) serious.push_back(f);
  }
  INFO(describe(serious));
  CHECK(serious.empty());
}

TEST_CASE("each gap added to the reference is caught by the right rule") {
  std::string text = reference_text();
  REQUIRE(!text.empty());
  std::map<std::string, int> baseline;
  for (const Finding& f : lint(text)) ++baseline[std::string(f.rule->id)];
  for (const Gap& gap : kGaps) {
    INFO(gap.what);
    REQUIRE(occurrences(text, gap.find) == 1);
    const Rule* rule = find_rule(gap.rule);
    REQUIRE(rule != nullptr);
    CHECK(to_string(rule->info.area) == gap.area);
    std::string mutated = text;
    mutated.replace(mutated.find(gap.find), gap.find.size(), gap.replace);
    std::vector<Finding> findings = lint(mutated);
    std::map<std::string, int> counts;
    for (const Finding& f : findings) ++counts[std::string(f.rule->id)];
    INFO(describe(findings));
    CHECK(counts[std::string(gap.rule)] > baseline[std::string(gap.rule)]);
    // No other rule reports the same gap at warning or error.
    for (const Finding& f : findings) {
      std::string id(f.rule->id);
      if (id == gap.rule || f.severity == Severity::Info) continue;
      CHECK_MESSAGE(counts[id] <= baseline[id],
                    fmt::format("{} also reported: {}", id, f.message));
    }
  }
}

}  // namespace launchlint
