#include "linter/config/config.h"

#include <doctest/doctest.h>

namespace launchlint {

namespace {
std::string first_error(std::string_view text) {
  Config config;
  std::vector<ConfigError> errors;
  bool ok = load_config_text("cfg.yaml", text, &config, &errors);
  if (ok) return "ok";
  REQUIRE(!errors.empty());
  return errors[0].format();
}
}  // namespace

TEST_CASE("config errors name the file, line and column") {
  CHECK(first_error("rules:\n  SEC001: off\nexeptions: []\n") ==
        "cfg.yaml:3:1: error: unknown key \"exeptions\"; did you mean "
        "\"exceptions\"?");
  CHECK(first_error("owners:\n  rollback: [a]\n") ==
        "cfg.yaml:2:13: error: /owners/rollback must be of type \"string\"");
  CHECK(
      first_error("rules:\n  SEC001: loud\n") ==
      "cfg.yaml:2:11: error: /rules/SEC001 is not valid (oneOf check failed)");
  CHECK(first_error("rules:\n  privileged-containr: off\n") ==
        "cfg.yaml:2:3: error: rules: no rule or area \"privileged-containr\"; "
        "did you mean \"privileged-container\"?");
  CHECK(first_error("exceptions:\n- rule: SEC001\n  reason: r\n") ==
        "cfg.yaml:2:3: error: missing required key \"owner\" in /exceptions/0");
  CHECK(first_error("exceptions:\n- rule: SEC001\n  reason: r\n  owner: o\n"
                    "  expires: \"2025-02-30\"\n") ==
        "cfg.yaml:5:12: error: exceptions: \"2025-02-30\" is not a date "
        "(YYYY-MM-DD)");
  CHECK(
      first_error("exceptions:\n- rule: NOPE1\n  reason: r\n  owner: o\n") ==
      "cfg.yaml:2:9: error: exceptions: no rule \"NOPE1\"; `launchlint rules` "
      "lists them");
  // An empty key (found by the config fuzz target: its null text went to
  // memcpy) is an unknown key at its line.
  CHECK(first_error("rules: {}\n: x\n")
            .starts_with(
                "cfg.yaml:2:1: error: unknown key \"\" in the top level"));
  CHECK(first_error("kubernetesVersion: latest\n") ==
        "cfg.yaml:1:20: error: /kubernetesVersion has an invalid format: "
        "Target Kubernetes version for removed-API checks, e.g. \"1.33\".");
  CHECK(first_error("a: [\n").starts_with(
      "cfg.yaml:2:1: error: YAML syntax error"));
  CHECK(first_error("") == "ok");
  CHECK(first_error("# only a comment\n") == "ok");
}

TEST_CASE("a valid config is read completely") {
  Config c;
  std::vector<ConfigError> errors;
  REQUIRE(load_config_text("c.yaml", R"(rules:
  security: warning
  ROL001: {enabled: false}
kubernetesVersion: "1.33"
costLabels: [model, team]
owners: {rollback: r, slo: s, owner: o}
reviewInterval: 6w
prices: {gpu: {default: 2.5}, cpuCore: 0.04, memoryGiB: 0.005}
gateway: {namespaces: [istio-system], podLabels: {app: gateway}}
)",
                           &c, &errors));
  CHECK(c.review_interval_days == 42);
  CHECK(c.kubernetes_version == "1.33");
  CHECK(c.cost_labels == std::vector<std::string>{"model", "team"});
  Config unset;
  REQUIRE(load_config_text("u.yaml", "owners: {owner: o}\n", &unset, &errors));
  CHECK_FALSE(unset.cost_labels.has_value());
  CHECK(c.prices.set);
  CHECK(c.prices.gpu["default"] == 2.5);
  CHECK(c.gateway_namespaces == std::vector<std::string>{"istio-system"});
  CHECK(c.gateway_pod_labels["app"] == "gateway");
  RuleInfo rol{"ROL001", "image-not-pinned", Area::Rollout, Severity::Error,
               ""};
  CHECK_FALSE(rule_setting(c, rol).enabled);
  RuleInfo sec{"SEC999", "x", Area::Security, Severity::Error, ""};
  CHECK(rule_setting(c, sec).severity == Severity::Warning);
}

TEST_CASE("dates") {
  CHECK(parse_date("1970-01-02") == 1);
  CHECK(parse_date("2024-02-29").has_value());
  CHECK_FALSE(parse_date("2023-02-29").has_value());
  CHECK_FALSE(parse_date("2024-1-01").has_value());
  CHECK(format_date(*parse_date("2026-11-28")) == "2026-11-28");
}

}  // namespace launchlint
