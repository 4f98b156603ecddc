#include <doctest/doctest.h>

#include "linter/lint/lint.h"
#include "linter/lsp/fixes.h"

namespace launchlint::lsp {

namespace {

// Rules named like the catalog's, so fixes_for finds their fix.
const RuleInfo kEscalation{"SEC900", "privilege-escalation-allowed",
                           Area::Security, Severity::Error, "test"};
const RuleInfo kReadOnly{"SEC901", "writable-root-filesystem", Area::Security,
                         Severity::Warning, "test"};
const RuleInfo kToken{"SEC902", "service-account-token-automount",
                      Area::Security, Severity::Warning, "test"};
const RuleInfo kHistory{"ROL900", "revision-history-limit-zero", Area::Rollout,
                        Severity::Warning, "test"};
const RuleInfo kNoFix{"OBS900", "no-metrics", Area::Observability,
                      Severity::Warning, "test"};

// The text after the first fix (or the exception) of a finding of `rule` at
// `path` on the first object of `text`.
std::string fixed(const std::string& text, const RuleInfo& rule,
                  const std::string& path, bool exception = false,
                  const std::string& file = "m.yaml") {
  LintRun run = lint_texts({{file, text}}, {});
  REQUIRE(!run.model.objects.empty());
  const Object& object = run.model.objects.front();
  Finding f;
  f.rule = &rule;
  f.object = object.id;
  f.location = object.location();
  f.path = path;
  std::vector<Fix> fixes = exception ? accept_exception(run.model, f, text)
                                     : fixes_for(run.model, f, text);
  if (fixes.empty()) return "<no fix>";
  std::string out = apply_edits(text, fixes[0].edits);
  // The result still parses, without new syntax findings.
  LintRun again = lint_texts({{file, out}}, {});
  for (const Finding& g : again.findings) {
    CHECK_MESSAGE(g.rule->id != "GEN001", out);
    CHECK_MESSAGE(g.rule->id != "GEN002", out);
  }
  return out;
}

const std::string kDeployment =
    "apiVersion: apps/v1\n"
    "kind: Deployment\n"
    "metadata:\n"
    "  name: llama\n"
    "spec:\n"
    "  template:\n"
    "    spec:\n"
    "      containers:\n"
    "      - name: vllm\n"
    "        image: vllm/vllm-openai:v0.6.3\n"
    "        ports:\n"
    "        - containerPort: 8000\n"
    "\n"
    "          # a comment inside the list\n"
    "      - name: sidecar\n"
    "        image: envoy:v1\n"
    "        securityContext:\n"
    "          allowPrivilegeEscalation: true  # why not\n"
    "      volumes: []\n";

}  // namespace

TEST_CASE("fixes: container setting added after the container's last entry") {
  std::string out =
      fixed(kDeployment, kEscalation, "spec.template.spec.containers[0]");
  CHECK(out ==
        "apiVersion: apps/v1\n"
        "kind: Deployment\n"
        "metadata:\n"
        "  name: llama\n"
        "spec:\n"
        "  template:\n"
        "    spec:\n"
        "      containers:\n"
        "      - name: vllm\n"
        "        image: vllm/vllm-openai:v0.6.3\n"
        "        ports:\n"
        "        - containerPort: 8000\n"
        "        securityContext:\n"
        "          allowPrivilegeEscalation: false\n"
        "\n"
        "          # a comment inside the list\n"
        "      - name: sidecar\n"
        "        image: envoy:v1\n"
        "        securityContext:\n"
        "          allowPrivilegeEscalation: true  # why not\n"
        "      volumes: []\n");
}

TEST_CASE("fixes: an existing value is replaced, its comment kept") {
  std::string out = fixed(kDeployment, kEscalation,
                          "spec.template.spec.containers[1].securityContext."
                          "allowPrivilegeEscalation");
  CHECK(out.find("          allowPrivilegeEscalation: false  # why not\n"
                 "      volumes: []\n") != std::string::npos);
  CHECK(out.find("ports:\n        - containerPort: 8000\n\n") !=
        std::string::npos);
}

TEST_CASE("fixes: a finding on the pod spec fixes every container") {
  std::string out = fixed(kDeployment, kReadOnly, "spec.template.spec");
  CHECK(out.find("        - containerPort: 8000\n"
                 "        securityContext:\n"
                 "          readOnlyRootFilesystem: true\n") !=
        std::string::npos);
  CHECK(out.find("          allowPrivilegeEscalation: true  # why not\n"
                 "          readOnlyRootFilesystem: true\n"
                 "      volumes: []\n") != std::string::npos);
}

TEST_CASE("fixes: flow maps, null values and a missing final newline") {
  CHECK(fixed("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n"
              "  containers:\n  - {name: a, image: b:1, securityContext: {}}\n",
              kEscalation, "spec.containers[0]") ==
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n"
        "  containers:\n  - {name: a, image: b:1, securityContext: "
        "{allowPrivilegeEscalation: false}}\n");
  CHECK(fixed("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n"
              "  containers:\n  - {name: a, image: b:1}\n",
              kReadOnly, "spec.containers[0]") ==
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n"
        "  containers:\n  - {securityContext: {readOnlyRootFilesystem: true}, "
        "name: a, image: b:1}\n");
  CHECK(
      fixed(
          "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n"
          "  containers:\n  - name: a\n    securityContext:\n    image: b:1\n",
          kEscalation, "spec.containers[0]") ==
      "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n"
      "  containers:\n  - name: a\n    securityContext:\n"
      "      allowPrivilegeEscalation: false\n    image: b:1\n");
  CHECK(fixed("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n"
              "  containers:\n  - name: a\n    image: b:1",
              kEscalation, "spec.containers[0]") ==
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n"
        "  containers:\n  - name: a\n    image: b:1\n    securityContext:\n"
        "      allowPrivilegeEscalation: false\n");
}

TEST_CASE("fixes: token automount, revision history, no fix, no JSON edits") {
  CHECK(fixed(kDeployment, kToken, "spec.template.spec") ==
        kDeployment + "      automountServiceAccountToken: false\n");
  CHECK(fixed("apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa\n",
              kToken, "") ==
        "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa\n"
        "automountServiceAccountToken: false\n");
  std::string history =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n"
      "  revisionHistoryLimit: 0\n  template: {spec: {containers: []}}\n";
  CHECK(fixed(history, kHistory, "spec.revisionHistoryLimit") ==
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n"
        "  revisionHistoryLimit: 10\n  template: {spec: {containers: []}}\n");
  CHECK(fixed(kDeployment, kNoFix, "spec") == "<no fix>");
  CHECK(
      fixed(R"({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},)"
            R"( "spec": {"containers": [{"name": "a", "image": "b:1"}]}})",
            kEscalation, "spec.containers[0]", false, "p.json") == "<no fix>");
}

TEST_CASE("fixes: accept this exception adds the annotation with a reason") {
  std::string out = fixed(kDeployment, kEscalation, "spec", true);
  CHECK(
      out.starts_with("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n"
                      "  name: llama\n  annotations:\n"
                      "    ignore-check.launchlint.io/SEC900: \"TODO: why "
                      "this risk is accepted\"\nspec:\n"));
  CHECK(fixed("apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n"
              "  annotations:\n    team: llm\nspec: {}\n",
              kNoFix, "", true) ==
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n"
        "  annotations:\n    team: llm\n"
        "    ignore-check.launchlint.io/OBS900: \"TODO: why this risk is "
        "accepted\"\nspec: {}\n");
  CHECK(fixed("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {}\n",
              kNoFix, "", true) ==
        "apiVersion: v1\nkind: Service\nmetadata: {annotations: "
        "{ignore-check.launchlint.io/OBS900: \"TODO: why this risk is "
        "accepted\"}, name: s}\nspec: {}\n");
}

}  // namespace launchlint::lsp
