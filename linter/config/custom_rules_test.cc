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
  CHECK(custom_error(one_rule("    path: a\n    notMatches: '(?!x)'\n")) ==
        "cfg.yaml:8:17: error: customRules: notMatches: \"(?!x)\" is not a "
        "valid re2 pattern: invalid perl operator: (?!");
  CHECK(custom_error(one_rule("    path: a\n    exists: true\n",
                              "  severity: fatal\n")) ==
        "cfg.yaml:6:13: error: /customRules/0/severity must be one of "
        "[\"error\",\"warning\",\"info\"]");
  CHECK(custom_error("customRules:\n- id: org-1\n  name: a-b\n  area: cost\n"
                     "  summary: s.\n  check: {path: a, exists: true}\n") ==
        "cfg.yaml:2:7: error: /customRules/0/id has an invalid format: A "
        "unique id of capital letters and digits, e.g. ORG001; not a built-in "
        "rule's.");
  CHECK(custom_error(one_rule("    path: a\n    in: []\n")) ==
        "cfg.yaml:8:9: error: /customRules/0/check/in must not be empty");
  CHECK(custom_error(one_rule("    path: ''\n    exists: true\n")) ==
        "cfg.yaml:7:11: error: /customRules/0/check/path must not be empty");
  CHECK(custom_error(one_rule("    path: a\n    exists: false\n    "
                              "equals: x\n")) ==
        "cfg.yaml:9:5: error: customRules: equals: with exists: false the "
        "path must select nothing, so equals never applies; put it in a rule "
        "of its own");
  CHECK(custom_error(one_rule("    path: a\n    exists: true\n",
                              "  match: {kind: [Pod]}\n")) ==
        "cfg.yaml:6:11: error: unknown key \"kind\"; did you mean \"kinds\"?");
  CHECK(custom_error(one_rule("    path: a\n    exists: true\n",
                              "  match: {labels: {tier: [a]}}\n")) ==
        "cfg.yaml:6:26: error: /customRules/0/match/labels/tier must be of "
        "type [\"string\",\"number\",\"boolean\"]");
  CHECK(
      custom_error(one_rule("    path: a\n    exists: true\n",
                            "  match: {kinds: [Deployment, deployment]}\n")) ==
      "cfg.yaml:6:31: error: /customRules/0/match/kinds/1 has an invalid "
      "format: A kind as the objects' `kind:` spells it, e.g. Deployment.");
  // Names clash between custom rules too.
  CHECK(custom_error("customRules:\n- id: ORG001\n  name: a-b\n  area: cost\n"
                     "  summary: s.\n  check: {path: a, exists: true}\n"
                     "- id: ORG002\n  name: a-b\n  area: cost\n"
                     "  summary: s.\n  check: {path: a, exists: true}\n") ==
        "cfg.yaml:8:9: error: customRules: name \"a-b\" is taken by the "
        "custom rule ORG001 (a-b); custom rules need their own");
  {
    // Every mistake is reported, each at its place, and nothing is loaded.
    Config config;
    std::vector<ConfigError> errors;
    CHECK_FALSE(load_config_text(
        "cfg.yaml", one_rule("    path: a[\n    matches: '('\n    max: 8x\n"),
        &config, &errors));
    std::vector<std::string> got;
    for (const ConfigError& e : errors) got.push_back(e.format());
    CHECK(got == std::vector<std::string>{
                     "cfg.yaml:7:11: error: customRules: path \"a[\": "
                     "unclosed \"[\" (at character 2)",
                     "cfg.yaml:8:14: error: customRules: matches: \"(\" is "
                     "not a valid re2 pattern: missing ): (",
                     "cfg.yaml:9:10: error: customRules: \"8x\" is not a "
                     "number or Kubernetes quantity (8, 0.5, 500m, 1Gi)"});
  }
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
  CHECK(p.root == CustomPath::Root::PodSpec);
  REQUIRE(p.steps.size() == 5);
  CHECK(p.steps[1].kind == CustomPathStep::Kind::Each);
  CHECK(p.steps[3].kind == CustomPathStep::Kind::Where);
  CHECK(p.steps[3].key == "name");
  CHECK(p.steps[3].value == "HF_TOKEN");
  REQUIRE(parse_custom_path("metadata.labels.\"example.com/team\"", &p, &error,
                            &offset));
  CHECK(p.root == CustomPath::Root::Object);
  REQUIRE(p.steps.size() == 3);
  CHECK(p.steps[2].key == "example.com/team");
  REQUIRE(parse_custom_path("spec.ports[0][1]", &p, &error, &offset));
  REQUIRE(p.steps.size() == 4);
  CHECK(p.steps[2].kind == CustomPathStep::Kind::Index);
  CHECK(p.steps[2].index == 0);
  CHECK(p.steps[3].index == 1);
  // podSpec and container are only virtual as the first, bare key.
  REQUIRE(parse_custom_path("spec.podSpec", &p, &error, &offset));
  CHECK(p.root == CustomPath::Root::Object);
  REQUIRE(parse_custom_path("\"podSpec\".x", &p, &error, &offset));
  CHECK(p.root == CustomPath::Root::Object);
  REQUIRE(p.steps.size() == 2);
  CHECK(p.steps[0].key == "podSpec");
  REQUIRE(parse_custom_path("podSpecs.x", &p, &error, &offset));
  CHECK(p.root == CustomPath::Root::Object);
  REQUIRE(parse_custom_path("container.image", &p, &error, &offset));
  CHECK(p.root == CustomPath::Root::Container);
  REQUIRE(p.steps.size() == 1);
  CHECK(p.steps[0].key == "image");
  REQUIRE(parse_custom_path("container", &p, &error, &offset));
  CHECK(p.root == CustomPath::Root::Container);
  CHECK(p.steps.empty());
  REQUIRE(parse_custom_path("spec.container.image", &p, &error, &offset));
  CHECK(p.root == CustomPath::Root::Object);
  // [key=value] with a quoted value.
  REQUIRE(parse_custom_path("podSpec.tolerations[key='nvidia.com/gpu']", &p,
                            &error, &offset));
  REQUIRE(p.steps.size() == 2);
  CHECK(p.steps[1].key == "key");
  CHECK(p.steps[1].value == "nvidia.com/gpu");
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

TEST_CASE("custom rule namespaces: the default namespace, no cluster scope") {
  std::string rule = one_rule(
      "    path: metadata.labels.team\n"
      "    exists: true\n",
      "  match: {namespaces: ['def*']}\n"
      "  message: '{kind} {namespace}/{name}'\n");
  auto linted = lint_with(rule,
                          "apiVersion: v1\nkind: ConfigMap\nmetadata: "
                          "{name: unset}\n---\napiVersion: v1\nkind: "
                          "ConfigMap\nmetadata: {name: other, namespace: "
                          "llm}\n---\napiVersion: rbac.authorization.k8s.io/"
                          "v1\nkind: ClusterRole\nmetadata: {name: "
                          "cluster}\n");
  REQUIRE(linted->run.findings.size() == 1);
  CHECK(linted->run.findings[0].message == "ConfigMap default/unset");
  // Every namespace, but still no cluster-scoped object.
  rule.replace(rule.find("'def*'"), 6, "'*'");
  linted = lint_with(rule,
                     "apiVersion: rbac.authorization.k8s.io/v1\nkind: "
                     "ClusterRole\nmetadata: {name: cluster}\n");
  CHECK(linted->run.findings.empty());
}

TEST_CASE("custom rule paths into lists of lists") {
  constexpr std::string_view kMatrix =
      "apiVersion: example.com/v1\nkind: Grid\nmetadata: {name: g}\n"
      "spec:\n  rows:\n  - [1, 2, 9]\n  - [3, ~]\n  - []\n  - - 4\n"
      "    - 12\n";
  auto linted = lint_with(one_rule("    path: spec.rows[*][*]\n    max: 5\n",
                                   "  message: '{value} at {path}'\n"),
                          kMatrix);
  std::vector<std::string> got;
  for (const Finding& f : linted->run.findings)
    got.push_back(
        fmt::format("{}:{} {}", f.location.line, f.location.column, f.message));
  CHECK(got == std::vector<std::string>{"6:12 9 at spec.rows[0][2]",
                                        "10:7 12 at spec.rows[3][1]"});
  // exists: true: the null element at itself, the empty row at itself.
  linted = lint_with(one_rule("    path: spec.rows[*][1]\n    exists: true\n",
                              "  message: '{path}'\n"),
                     kMatrix);
  got.clear();
  for (const Finding& f : linted->run.findings)
    got.push_back(
        fmt::format("{}:{} {}", f.location.line, f.location.column, f.message));
  CHECK(got ==
        std::vector<std::string>{"7:9 spec.rows[1][1]", "8:5 spec.rows[2][1]"});
}

TEST_CASE("custom rule sums are shown in their bound's unit") {
  constexpr std::string_view kPod =
      "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n"
      "  containers:\n"
      "  - {name: a, image: x, resources: {requests: {memory: 1536Mi, cpu: "
      "1}}}\n"
      "  - {name: b, image: x, resources: {requests: {memory: 8Gi, cpu: "
      "700m}}}\n";
  // A string: the finding's message is a view into the run's pool, which
  // goes with `linted`.
  auto message = [&](std::string_view resource,
                     std::string_view bound) -> std::string {
    auto linted = lint_with(
        one_rule(fmt::format("    path: podSpec.containers[*].resources."
                             "requests.{}\n    sum: true\n    {}\n",
                             resource, bound),
                 "  message: '{value} at {path}'\n"),
        kPod);
    REQUIRE(linted->run.findings.size() == 1);
    CHECK(linted->run.findings[0].location.line == 4);  // spec
    return std::string(linted->run.findings[0].message);
  };
  CHECK(message("memory", "min: 16Gi") == "9.5Gi at spec");
  CHECK(message("cpu", "max: 1500m") == "1700m at spec");
  CHECK(message("cpu", "max: 1.2") == "1.7 at spec");
  CHECK(message("memory", "max: 1e9") == "10200547328 at spec");
}

TEST_CASE("custom rule messages show a value on one line") {
  auto linted =
      lint_with(one_rule("    path: podSpec.containers[*].args[*]\n"
                         "    notMatches: 'pip install'\n",
                         "  message: 'arg {value} at {path}'\n"),
                "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n"
                "  containers:\n  - name: a\n    image: x\n    args:\n    - |\n"
                "      pip install foo\n      python serve.py\n"
                "    - |\n      --single-line pip install\n"
                "    - --model=" +
                    std::string(300, 'm') + " pip install\n");
  REQUIRE(linted->run.findings.size() == 3);
  CHECK(linted->run.findings[0].message ==
        "arg pip install foo... at spec.containers[0].args[0]");
  CHECK(linted->run.findings[0].location.line == 9);  // its "|"
  CHECK(linted->run.findings[1].message ==
        "arg --single-line pip install at spec.containers[0].args[1]");
  CHECK(linted->run.findings[2].message ==
        "arg --model=" + std::string(248, 'm') +
            "... at spec.containers[0].args[2]");
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
  // An area's severity applies; the rule's own entry beats its area's.
  linted = lint_with(rule + "rules:\n  security: info\n", kDeployment);
  REQUIRE(linted->run.findings.size() == 1);
  CHECK(linted->run.findings[0].severity == Severity::Info);
  linted = lint_with(rule +
                         "rules:\n  security: off\n  ORG001: "
                         "{enabled: true, severity: warning}\n",
                     kDeployment);
  REQUIRE(linted->run.findings.size() == 1);
  CHECK(linted->run.findings[0].severity == Severity::Warning);
  CHECK(lint_with(rule + "rules:\n  ORG001: {enabled: false}\n", kDeployment)
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
