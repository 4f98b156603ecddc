#include "linter/config/custom_rules.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "linter/lint/lint.h"
#include "linter/rules/doc_sections.h"
#include "linter/rules/registry.h"

namespace launchlint {

namespace {

std::string custom_error(std::string_view text) {
  Config config;
  std::vector<ConfigError> errors;
  if (load_config_text("cfg.yaml", text, &config, &errors)) return "ok";
  REQUIRE(!errors.empty());
  return errors[0].format();
}

// One rule, ORG001, with `check` (block lines, indented four spaces) and
// extra rule keys.
std::string one_rule(std::string_view check, std::string_view extra = "") {
  return fmt::format(
      "customRules:\n"
      "- id: ORG001\n"
      "  name: approved-registry\n"
      "  area: security\n"
      "  summary: Images come from the registry.\n"
      "{}"
      "  check:\n"
      "{}",
      extra, check);
}

constexpr std::string_view kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: vllm
  namespace: llm
spec:
  template:
    spec:
      containers:
      - name: a
        image: registry.example.com/a:1
        resources: {limits: {cpu: "2"}}
      - name: b
        image: docker.io/b:1
)";

struct Linted {
  Config config;
  LintRun run;
};

// Lints `manifest` with the config `config_text`, keeping only custom rules'
// findings.
std::unique_ptr<Linted> lint_with(std::string_view config_text,
                                  std::string_view manifest) {
  auto out = std::make_unique<Linted>();
  std::vector<ConfigError> errors;
  bool ok = load_config_text("cfg.yaml", config_text, &out->config, &errors);
  std::string problems;
  for (const ConfigError& e : errors) problems += e.format() + "\n";
  INFO(problems);
  REQUIRE(ok);
  LintOptions options;
  apply_config(out->config, &options.settings);
  options.config = &out->config;
  out->run = lint_texts({{"m.yaml", std::string(manifest)}}, options);
  std::erase_if(out->run.findings,
                [](const Finding& f) { return f.rule->source.empty(); });
  return out;
}

}  // namespace

TEST_CASE("custom rule errors are config errors at file:line:col") {
  CHECK(custom_error(one_rule("    path: a\n    exists: true\n")) == "ok");
  CHECK(
      custom_error("customRules:\n- id: ORG001\n  name: a-b\n  area: securty\n"
                   "  summary: s.\n  check: {path: a, exists: true}\n") ==
      "cfg.yaml:4:9: error: /customRules/0/area must be one of "
      "[\"security\",\"scheduling\",\"rollout\",\"observability\",\"cost\","
      "\"general\"]");
  CHECK(custom_error(one_rule("    path: spec..x\n    exists: true\n")) ==
        "cfg.yaml:7:11: error: customRules: path \"spec..x\": expected a key "
        "before \".\" (at character 6)");
  CHECK(custom_error(one_rule("    path: a[name]\n    exists: true\n")) ==
        "cfg.yaml:7:11: error: customRules: path \"a[name]\": \"[name]\": "
        "expected [*], [N] or [key=value] (at character 2)");
  CHECK(custom_error(one_rule("    path: 'a.\"b'\n    exists: true\n")) ==
        "cfg.yaml:7:11: error: customRules: path \"a.\"b\": unclosed quote "
        "(at character 5)");
  CHECK(custom_error(one_rule("    path: a\n    matches: '(['\n")) ==
        "cfg.yaml:8:14: error: customRules: matches: \"([\" is not a valid "
        "re2 pattern: missing ]: [");
  CHECK(custom_error(one_rule("    path: a\n    max: 8 GPUs\n")) ==
        "cfg.yaml:8:10: error: customRules: \"8 GPUs\" is not a number or "
        "Kubernetes quantity (8, 0.5, 500m, 1Gi)");
  CHECK(custom_error(one_rule("    path: a\n")) ==
        "cfg.yaml:6:3: error: customRules: check: no condition; give one or "
        "more of exists, equals, in, matches, notMatches, min, max");
  CHECK(custom_error(one_rule("    path: a\n    exists: true\n",
                              "  message: 'bad {image}'\n")) ==
        "cfg.yaml:6:12: error: customRules: message: unknown placeholder "
        "{image}; use {value}, {path}, {kind}, {name} or {namespace}");
  CHECK(custom_error(one_rule("    path: a\n    sum: true\n")) ==
        "cfg.yaml:8:5: error: customRules: sum: give min or max for the sum");
  CHECK(custom_error(one_rule(
            "    path: a\n    sum: true\n    max: 1\n    matches: x\n")) ==
        "cfg.yaml:8:5: error: customRules: sum: only min and max apply to a "
        "sum; put equals, in, matches and notMatches in a rule of their own");
  // Ids and names clash with built-in rules, other custom rules and areas.
  CHECK(custom_error("customRules:\n- id: SEC001\n  name: a-b\n  area: cost\n"
                     "  summary: s.\n  check: {path: a, exists: true}\n") ==
        "cfg.yaml:2:7: error: customRules: id \"SEC001\" is taken by the "
        "built-in rule SEC001 (privileged-container); custom rules need their "
        "own");
  CHECK(custom_error("customRules:\n- id: ORG001\n  name: a-b\n  area: cost\n"
                     "  summary: s.\n  check: {path: a, exists: true}\n"
                     "- id: ORG001\n  name: c-d\n  area: cost\n"
                     "  summary: s.\n  check: {path: a, exists: true}\n") ==
        "cfg.yaml:7:7: error: customRules: id \"ORG001\" is taken by the "
        "custom rule ORG001 (a-b); custom rules need their own");
  CHECK(custom_error("customRules:\n- id: ORG001\n  name: security\n"
                     "  area: cost\n  summary: s.\n"
                     "  check: {path: a, exists: true}\n") ==
        "cfg.yaml:3:9: error: customRules: name \"security\" is an area's "
        "name; custom rules need their own");
  CHECK(custom_error("customRules:\n- id: ORG001\n  name: Approved_Registry\n"
                     "  area: cost\n  summary: s.\n"
                     "  check: {path: a, exists: true}\n") ==
        "cfg.yaml:3:9: error: /customRules/0/name has an invalid format: A "
        "kebab-case name, e.g. approved-registry.");
  CHECK(custom_error("customRules:\n- id: ORG001\n  name: a-b\n  area: cost\n"
                     "  summary: s.\n") ==
        "cfg.yaml:2:3: error: missing required key \"check\" in "
        "/customRules/0");
  CHECK(custom_error(
            one_rule("    path: a\n    exists: true\n    exist: true\n")) ==
        "cfg.yaml:9:5: error: unknown key \"exist\"; did you mean \"exists\"?");
  // rules: and exceptions: may name custom rules; unknown ones stay errors.
  CHECK(custom_error(one_rule("    path: a\n    exists: true\n") +
                     "rules:\n  approved-registry: info\nexceptions:\n"
                     "- rule: ORG001\n  reason: r\n  owner: o\n") == "ok");
  CHECK(custom_error(one_rule("    path: a\n    exists: true\n") +
                     "rules:\n  ORG002: off\n") ==
        "cfg.yaml:10:3: error: rules: no rule or area \"ORG002\"; did you mean "
        "\"ORG001\"?");
}

TEST_CASE("custom rule paths") {
  CustomPath p;
  std::string error;
  std::size_t offset = 0;
  REQUIRE(parse_custom_path("podSpec.containers[*].env[name=HF_TOKEN].value",
                            &p, &error, &offset));
  CHECK(p.pod_spec);
  REQUIRE(p.steps.size() == 5);
  CHECK(p.steps[1].kind == CustomPathStep::Kind::Each);
  CHECK(p.steps[3].kind == CustomPathStep::Kind::Where);
  CHECK(p.steps[3].key == "name");
  CHECK(p.steps[3].value == "HF_TOKEN");
  REQUIRE(parse_custom_path("metadata.labels.\"example.com/team\"", &p, &error,
                            &offset));
  CHECK(!p.pod_spec);
  REQUIRE(p.steps.size() == 3);
  CHECK(p.steps[2].key == "example.com/team");
  REQUIRE(parse_custom_path("spec.ports[0][1]", &p, &error, &offset));
  REQUIRE(p.steps.size() == 4);
  CHECK(p.steps[2].kind == CustomPathStep::Kind::Index);
  CHECK(p.steps[2].index == 0);
  CHECK(p.steps[3].index == 1);
  // podSpec is only virtual as the first key.
  REQUIRE(parse_custom_path("spec.podSpec", &p, &error, &offset));
  CHECK(!p.pod_spec);
  for (std::string_view bad :
       {"", ".a", "a.", "a[", "a[]", "a[=x]", "a]b", "a\"b\"", "a[1]b"}) {
    INFO(bad);
    CHECK(!parse_custom_path(bad, &p, &error, &offset));
  }
}

TEST_CASE("custom rule findings: placeholders, nodes and parents") {
  auto linted =
      lint_with(one_rule("    path: podSpec.containers[*].image\n"
                         "    matches: '^registry\\.example\\.com/'\n",
                         "  message: '{value}|{path}|{kind}|{name}|"
                         "{namespace}'\n"),
                kDeployment);
  const std::vector<Finding>& f = linted->run.findings;
  REQUIRE(f.size() == 1);
  CHECK(f[0].message ==
        "docker.io/b:1|spec.template.spec.containers[1].image|Deployment|"
        "vllm|llm");
  CHECK(f[0].location.line == 14);
  CHECK(f[0].location.column == 16);
  CHECK(f[0].severity == Severity::Warning);  // the default
  CHECK(f[0].rule->id == "ORG001");
  CHECK(f[0].object.name == "vllm");

  // exists: true at the nearest existing parent, with the missing path.
  linted = lint_with(
      one_rule("    path: podSpec.containers[*].resources.limits.memory\n"
               "    exists: true\n"),
      kDeployment);
  REQUIRE(linted->run.findings.size() == 2);
  CHECK(linted->run.findings[0].location.line == 12);  // limits of a
  CHECK(linted->run.findings[0].location.column == 21);
  CHECK(linted->run.findings[0].message ==
        "Deployment llm/vllm: spec.template.spec.containers[0].resources."
        "limits.memory is missing: Images come from the registry.");
  CHECK(linted->run.findings[1].location.line == 13);  // container b
  CHECK(linted->run.findings[1].message ==
        "Deployment llm/vllm: spec.template.spec.containers[1].resources."
        "limits.memory is missing: Images come from the registry.");

  // An empty list selects nothing: exists: true fails at the list.
  linted = lint_with(
      one_rule("    path: podSpec.containers[*].ports[*].containerPort\n"
               "    exists: true\n"),
      R"(apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    image: x
    ports: []
  - name: b
    image: y
    ports:
    - containerPort: 8000
)");
  REQUIRE(linted->run.findings.size() == 1);
  CHECK(linted->run.findings[0].location.line == 9);
  // (an empty flow list is reported at its key)
  CHECK(linted->run.findings[0].location.column == 5);
  CHECK(linted->run.findings[0].message ==
        "Pod default/p: spec.containers[0].ports[*].containerPort is missing: "
        "Images come from the registry.");
  CHECK(lint_with(one_rule("    path: podSpec.containers[*].ports[*]."
                           "containerPort\n    max: 10\n"),
                  "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n"
                  "  containers: [{name: a, image: x, ports: []}]\n")
            ->run.findings.empty());

  // A map where a value is expected fails; a quantity limit.
  linted = lint_with(one_rule("    path: podSpec.containers[0].resources\n"
                              "    equals: x\n"),
                     kDeployment);
  REQUIRE(linted->run.findings.size() == 1);
  CHECK(linted->run.findings[0].message ==
        "Deployment llm/vllm: spec.template.spec.containers[0].resources is "
        "a map, not a single value: Images come from the registry.");
  linted = lint_with(
      one_rule("    path: podSpec.containers[*].resources.limits.cpu\n"
               "    max: 1500m\n"),
      kDeployment);
  REQUIRE(linted->run.findings.size() == 1);
  CHECK(linted->run.findings[0].message ==
        "Deployment llm/vllm: spec.template.spec.containers[0].resources."
        "limits.cpu \"2\" is above the maximum 1500m: Images come from the "
        "registry.");
  CHECK(lint_with(one_rule("    path: podSpec.containers[*].resources.limits."
                           "cpu\n    max: 2\n    min: 2000m\n"),
                  kDeployment)
            ->run.findings.empty());
}

TEST_CASE("rules: settings apply to custom rules") {
  std::string rule = one_rule(
      "    path: podSpec.containers[*].image\n"
      "    matches: '^registry\\.example\\.com/'\n",
      "  severity: error\n");
  auto linted = lint_with(rule + "rules:\n  ORG001: info\n", kDeployment);
  REQUIRE(linted->run.findings.size() == 1);
  CHECK(linted->run.findings[0].severity == Severity::Info);
  CHECK(lint_with(rule + "rules:\n  security: off\n", kDeployment)
            ->run.findings.empty());
  CHECK(lint_with(rule + "rules:\n  approved-registry: off\n", kDeployment)
            ->run.findings.empty());
}

TEST_CASE(
    "custom rule docs: the user's sections, generated ones for the rest") {
  Config config;
  std::vector<ConfigError> errors;
  REQUIRE(load_config_text(
      "team/.launchlint.yaml",
      one_rule("    path: podSpec.containers[*].image\n"
               "    matches: '^registry\\.example\\.com/'\n",
               "  doc: |\n    ## Why it matters\n\n    Scanned images only.\n"
               "\n    ## References\n\n    - PLAT-1\n"),
      &config, &errors));
  std::string_view doc = doc_of(config.custom_rules->rules[0].rule.info);
  CHECK(doc.starts_with("# approved-registry (ORG001)\n"));
  CHECK(doc_section(doc, "Why it matters") == "Scanned images only.");
  CHECK(doc_section(doc, "References") == "- PLAT-1");
  CHECK(doc_section(doc, "What it does")
            .find("every node that `podSpec.containers[*].image` selects must "
                  "match "
                  "`^registry\\.example\\.com/`") != std::string::npos);
  CHECK(doc_section(doc, "Exceptions")
            .find("ignore-check.launchlint.io/ORG001") != std::string::npos);
  CHECK(config.custom_rules->rules[0].rule.info.source ==
        "team/.launchlint.yaml");
  // Prose without the fixed headings says why.
  Config prose;
  REQUIRE(load_config_text("c.yaml",
                           one_rule("    path: a\n    exists: true\n",
                                    "  doc: Our clusters need it.\n"),
                           &prose, &errors));
  CHECK(doc_section(doc_of(prose.custom_rules->rules[0].rule.info),
                    "Why it matters") == "Our clusters need it.");
}

}  // namespace launchlint
