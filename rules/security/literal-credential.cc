#include <re2/re2.h>

#include <string>

#include <fmt/format.h>

#include "linter/rules/rule.h"

namespace launchlint {

namespace {

struct TokenPattern {
  const char* what;
  std::string_view literal;  // every match contains it
  std::size_t min_size;      // and is at least this long
  const RE2& re;
};

// What kind of credential `text` contains, or null. Never returns the match.
const char* known_token(std::string_view text) {
  static const RE2 hf(R"((?:^|[^A-Za-z0-9_])hf_[A-Za-z0-9]{30,})");
  static const RE2 openai(
      R"((?:^|[^A-Za-z0-9_-])sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,})");
  static const RE2 aws(
      R"((?:^|[^A-Z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?:$|[^A-Z0-9]))");
  static const RE2 github(
      R"((?:^|[^A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,}))");
  static const RE2 slack(R"((?:^|[^A-Za-z0-9])xox[abprs]-[A-Za-z0-9-]{10,})");
  static const RE2 gitlab(R"((?:^|[^A-Za-z0-9])glpat-[A-Za-z0-9_-]{20,})");
  // The literal and length each needs are checked first: most values are
  // short or hold none of them, and six regular expressions per env value
  // were one of the slowest checks on large inputs.
  static const TokenPattern kPatterns[] = {
      {"Hugging Face token", "hf_", 33, hf},
      {"OpenAI-style API key", "sk-", 23, openai},
      {"AWS access key id", "A", 20, aws},
      {"GitHub token", "_", 33, github},
      {"Slack token", "xox", 15, slack},
      {"GitLab token", "glpat-", 26, gitlab}};
  for (const TokenPattern& p : kPatterns) {
    if (text.size() < p.min_size ||
        text.find(p.literal) == std::string_view::npos)
      continue;
    if (RE2::PartialMatch(text, p.re)) return p.what;
  }
  return nullptr;
}

// An env var name that holds a credential: HF_TOKEN, OPENAI_API_KEY,
// DB_PASSWORD, CLIENT_SECRET; not MAX_TOKENS, TOKENIZER, SECRET_NAME.
bool credential_name(std::string_view name) {
  static const RE2 re(
      R"((?i)(?:^|[_.-])(?:TOKEN|API_?KEY|SECRET(?:_?KEY)?|PASSWORD|PASSWD|ACCESS_?KEY|PRIVATE_?KEY|AUTH_?KEY)$)");
  // Switches about a credential, and etcd's cluster id, are not credentials.
  static const RE2 not_secret(
      R"((?i)^(?:ALLOW|ENABLE|DISABLE|USE|REQUIRE|SKIP|UPDATE|SECURE)_|CLUSTER_TOKEN$|_(?:UPDATE|SECURE)_PASSWORD$)");
  return RE2::PartialMatch(name, re) && !RE2::PartialMatch(name, not_secret);
}

// A value that is a reference or a placeholder rather than a secret.
bool placeholder(std::string_view value) {
  static const RE2 re(
      R"((?i)^(?:|\$\(.*\)|\$\{.*\}|\$[a-z_][a-z0-9_]*|\{\{.*\}\}|<.*>|true|false|yes|no|y|n|on|off|enabled?|disabled?|none|null|nil|empty|dummy|fake|placeholder|redacted|.*changeme.*|change-me|your[-_].*|replace.*|xxx+|\*+|-|/.*|[a-z]+://.*)$)");
  // "jwt,priv-key=/path,ttl=10m": an option list, not a secret.
  static const RE2 options(R"(^[^=,]+(?:,[^=,]+=[^,]*)+$)");
  return RE2::FullMatch(value, re) || RE2::FullMatch(value, options);
}

void check(const LintContext&, const Object& object, Reporter& out) {
  for (const PodTemplate& pod : object.pods) {
    for (const Container& c : pod.containers) {
      NodeRef env = c.node["env"];
      for (std::uint32_t i = 0; i < env.size(); ++i) {
        NodeRef value = env.at(i)["value"];
        if (!value.is_scalar()) continue;
        std::string_view name = env.at(i)["name"].str();
        const char* token = known_token(value.str());
        if (!token && credential_name(name) && !placeholder(value.str()))
          token = "credential";
        if (!token) continue;
        out.report(value,
                   fmt::format("{} sets env {} to a literal {} (value "
                               "not shown): anyone who reads the "
                               "manifests or the pod spec has it; "
                               "rotate it and use valueFrom.secretKeyRef",
                               pod.describe(c), name, token));
      }
      for (std::string_view field : {"command", "args"}) {
        NodeRef list = c.node[field];
        for (std::uint32_t i = 0; i < list.size(); ++i) {
          const char* token = known_token(list.at(i).str());
          if (!token) continue;
          out.report(list.at(i),
                     fmt::format("{} passes a literal {} in its {} (value not "
                                 "shown): it is visible in the manifests and "
                                 "the process list; rotate it, store it in a "
                                 "Secret and pass it as an env var from "
                                 "secretKeyRef",
                                 pod.describe(c), token, field));
        }
      }
    }
  }
}

}  // namespace

extern const Rule kLiteralCredential = {
    {"SEC011", "literal-credential", Area::Security, Severity::Error,
     "A credential (Hugging Face, OpenAI, AWS, GitHub token, or a literal "
     "*TOKEN*/*API_KEY*/*SECRET*/*PASSWORD* env value) is written in the "
     "manifest."},
    check};

}  // namespace launchlint
