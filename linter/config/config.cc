#include "linter/config/config.h"

#include <chrono>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <re2/re2.h>

#include "linter/config/custom_rules.h"
#include "linter/config/schema_check.h"
#include "linter/config/yaml_json.h"
#include "linter/rules/registry.h"
#include "linter/yaml/parse.h"

namespace launchlint {

namespace {

std::vector<std::string> strings(NodeRef list) {
  std::vector<std::string> out;
  for (std::uint32_t i = 0; i < list.size(); ++i)
    out.emplace_back(list.at(i).str());
  return out;
}

std::map<std::string, std::string> string_map(NodeRef map) {
  std::map<std::string, std::string> out;
  for (std::uint32_t i = 0; i < map.size(); ++i)
    out.emplace(std::string(map.key_at(i).str()), std::string(map.at(i).str()));
  return out;
}

double number(NodeRef node) {
  return std::strtod(std::string(node.str()).c_str(), nullptr);
}

bool known_rule_key(std::string_view key, const CustomRules* custom) {
  Area area;
  return find_rule(key, custom) != nullptr || parse_area(key, &area);
}

void read_rules(NodeRef rules, Config* config,
                std::vector<ConfigError>* errors) {
  for (std::uint32_t i = 0; i < rules.size(); ++i) {
    NodeRef key = rules.key_at(i);
    NodeRef value = rules.at(i);
    std::string name(key.str());
    if (!known_rule_key(name, config->custom_rules.get())) {
      std::vector<std::string> candidates;
      for (const Rule* r : all_rules(config->custom_rules.get())) {
        candidates.emplace_back(r->info.id);
        candidates.emplace_back(r->info.name);
      }
      std::string near = closest_word(name, candidates);
      errors->push_back(
          {location_of(key),
           near.empty() ? fmt::format("rules: no rule or area \"{}\"; "
                                      "`launchlint rules` lists them",
                                      name)
                        : fmt::format("rules: no rule or area \"{}\"; did you "
                                      "mean \"{}\"?",
                                      name, near)});
      continue;
    }
    RuleSetting s;
    s.location = location_of(key);
    Severity severity;
    if (value.is_map()) {
      s.enabled = value["enabled"].as_bool(true);
      if (parse_severity(value["severity"].str(), &severity))
        s.severity = severity;
    } else if (value.str() == "off" || value.is_false()) {
      s.enabled = false;
    } else if (parse_severity(value.str(), &severity)) {
      s.severity = severity;
    }
    config->rules[name] = s;
  }
}

int interval_days(NodeRef node) {
  std::string_view s = node.str();
  long long n = 0;
  if (node.as_int(&n)) return static_cast<int>(n);
  if (s.empty()) return 90;
  int value = std::atoi(std::string(s.substr(0, s.size() - 1)).c_str());
  switch (s.back()) {
    case 'w':
      return value * 7;
    case 'm':
      return value * 30;
    default:
      return value;
  }
}

}  // namespace

std::string ConfigError::format() const {
  return fmt::format("{}:{}:{}: error: {}", location.file_name(), location.line,
                     location.column, message);
}

std::optional<long> parse_date(std::string_view text) {
  static const RE2 kDate("([0-9]{4})-([0-9]{2})-([0-9]{2})");
  int y = 0, m = 0, d = 0;
  if (!RE2::FullMatch(text, kDate, &y, &m, &d)) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year(y),
                                  std::chrono::month(static_cast<unsigned>(m)),
                                  std::chrono::day(static_cast<unsigned>(d))};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days(ymd).time_since_epoch().count();
}

std::string format_date(long days) {
  std::chrono::year_month_day ymd{
      std::chrono::sys_days(std::chrono::days(days))};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

std::string find_config(const std::filesystem::path& start) {
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::absolute(start, ec);
  while (!dir.empty()) {
    for (const char* name : {".launchlint.yaml", ".launchlint.yml"}) {
      std::filesystem::path candidate = dir / name;
      if (std::filesystem::is_regular_file(candidate, ec))
        return candidate.string();
    }
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  return {};
}

void apply_config(const Config& config, LintSettings* settings) {
  settings->owners.rollback = config.rollback_owner;
  settings->owners.slo = config.slo_owner;
  settings->owners.owner = config.owner;
  if (config.cost_labels) settings->cost_label_keys = *config.cost_labels;
  settings->accelerators.resources = config.gpu_resources;
  settings->accelerators.node_labels = config.accelerator_node_labels;
  settings->gateway.namespaces = config.gateway_namespaces;
  settings->gateway.pod_labels = config.gateway_pod_labels;
  settings->gateway.namespace_labels = config.gateway_namespace_labels;
  settings->custom_rules = config.custom_rules;
}

RuleSetting rule_setting(const Config& config, const RuleInfo& rule) {
  for (std::string_view key : {rule.id, rule.name}) {
    auto it = config.rules.find(std::string(key));
    if (it != config.rules.end()) return it->second;
  }
  auto it = config.rules.find(std::string(to_string(rule.area)));
  if (it != config.rules.end()) return it->second;
  return {};
}

bool load_config(const std::string& path, Config* config,
                 std::vector<ConfigError>* errors) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ConfigError e;
    e.location.file = std::make_shared<const std::string>(path);
    e.message = "cannot read the config file";
    errors->push_back(std::move(e));
    return false;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return load_config_text(path, ss.str(), config, errors);
}

bool load_config_text(const std::string& path, std::string_view text,
                      Config* config, std::vector<ConfigError>* errors) {
  auto file = std::make_shared<const std::string>(path);
  std::size_t before = errors->size();
  ParsedStream parsed = parse_stream(text, file);
  auto error_at = [&](std::uint32_t line, std::uint32_t column,
                      std::string message) {
    ConfigError e;
    e.location.file = file;
    e.location.line = line;
    e.location.column = column;
    e.message = std::move(message);
    errors->push_back(std::move(e));
  };
  for (const ParseDiagnostic& d : parsed.diagnostics)
    error_at(d.line, d.column, d.message);
  if (errors->size() > before) return false;
  config->path = path;
  if (parsed.documents.empty()) return true;  // an empty file is a valid config
  if (parsed.documents.size() > 1) {
    error_at(parsed.documents[1]->start_line, 1,
             "the config file must hold one YAML document");
    return false;
  }
  config->document = parsed.documents[0];
  NodeRef root = config->document->root();

  JsonWithNodes json;
  yaml_to_json(root, &json);
  SchemaError schema_error;
  if (!check_against_schema(config_schema_text(), json, root, &schema_error)) {
    errors->push_back({schema_error.location, schema_error.message});
    return false;
  }

  if (root["customRules"].size() > 0) {
    config->custom_rules =
        compile_custom_rules(root["customRules"], path, errors);
  }
  read_rules(root["rules"], config, errors);
  config->kubernetes_version = std::string(root["kubernetesVersion"].str());
  config->gpu_resources = strings(root["gpuResources"]);
  config->accelerator_node_labels = strings(root["acceleratorNodeLabels"]);
  if (root["costLabels"].valid())
    config->cost_labels = strings(root["costLabels"]);
  config->gateway_namespaces = strings(root["gateway"]["namespaces"]);
  config->gateway_pod_labels = string_map(root["gateway"]["podLabels"]);
  config->gateway_namespace_labels =
      string_map(root["gateway"]["namespaceLabels"]);
  config->rollback_owner = std::string(root["owners"]["rollback"].str());
  config->slo_owner = std::string(root["owners"]["slo"].str());
  config->owner = std::string(root["owners"]["owner"].str());
  if (root["reviewInterval"].valid())
    config->review_interval_days = interval_days(root["reviewInterval"]);

  NodeRef prices = root["prices"];
  if (prices.is_map()) {
    config->prices.set = true;
    if (prices["currency"].is_scalar())
      config->prices.currency = std::string(prices["currency"].str());
    NodeRef gpu = prices["gpu"];
    for (std::uint32_t i = 0; i < gpu.size(); ++i)
      config->prices.gpu[std::string(gpu.key_at(i).str())] = number(gpu.at(i));
    config->prices.cpu_core = number(prices["cpuCore"]);
    config->prices.memory_gib = number(prices["memoryGiB"]);
  }

  NodeRef exceptions = root["exceptions"];
  for (std::uint32_t i = 0; i < exceptions.size(); ++i) {
    NodeRef e = exceptions.at(i);
    ConfigException x;
    x.rule = std::string(e["rule"].str());
    x.kind = std::string(e["match"]["kind"].str());
    x.ns = std::string(e["match"]["namespace"].str());
    x.name = std::string(e["match"]["name"].str());
    x.reason = std::string(e["reason"].str());
    x.owner = std::string(e["owner"].str());
    x.expires = std::string(e["expires"].str());
    x.location = location_of(e);
    if (!find_rule(x.rule, config->custom_rules.get())) {
      errors->push_back({location_of(e["rule"]),
                         fmt::format("exceptions: no rule \"{}\"; `launchlint "
                                     "rules` lists them",
                                     x.rule)});
    }
    if (!x.expires.empty() && !parse_date(x.expires)) {
      errors->push_back({location_of(e["expires"]),
                         fmt::format("exceptions: \"{}\" is not a date "
                                     "(YYYY-MM-DD)",
                                     x.expires)});
    }
    config->exceptions.push_back(std::move(x));
  }
  return errors->size() == before;
}

}  // namespace launchlint
