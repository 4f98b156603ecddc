#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "linter/model/object.h"
#include "linter/rules/rule.h"
#include "linter/yaml/document.h"

namespace launchlint {

struct RuleSetting {
  bool enabled = true;
  std::optional<Severity> severity;
  Location location;
};

// An accepted exception from the config file.
struct ConfigException {
  std::string rule;                    // id or name, as written
  std::string kind, ns, name;          // globs; empty matches everything
  std::string reason, owner, expires;  // expires: YYYY-MM-DD or empty
  Location location;  // the entry, for expired and stale reports
};

struct Prices {
  bool set = false;
  std::string currency = "USD";
  std::map<std::string, double> gpu;  // product -> per GPU-hour; "default"
  double cpu_core = 0;                // per core-hour
  double memory_gib = 0;              // per GiB-hour
};

struct Config {
  std::string path;  // empty when no config file was found
  std::map<std::string, RuleSetting> rules;  // by id, name or area
  std::string kubernetes_version;
  std::vector<std::string> gpu_resources;
  std::vector<std::string> accelerator_node_labels;
  // costLabels; unset keeps the built-in keys, an empty list requires none.
  std::optional<std::vector<std::string>> cost_labels;
  std::vector<std::string> gateway_namespaces;
  std::map<std::string, std::string> gateway_pod_labels;
  std::map<std::string, std::string> gateway_namespace_labels;
  std::string rollback_owner, slo_owner, owner;
  std::vector<ConfigException> exceptions;
  int review_interval_days = 90;
  Prices prices;
  // The parsed file, kept for later readers (custom rules).
  std::shared_ptr<const Document> document;
  // customRules, compiled; null when the file defines none.
  std::shared_ptr<const CustomRules> custom_rules;
};

struct ConfigError {
  Location location;
  std::string message;
  std::string format() const;  // "file:line:col: error: message"
};

// `.launchlint.yaml` (or `.launchlint.yml`) in `start` or its parents;
// empty when there is none.
std::string find_config(const std::filesystem::path& start);

// Reads and validates a config file: YAML, then the embedded JSON Schema,
// then meaning (rule names, dates). Fails with every error at file:line.
bool load_config(const std::string& path, Config* config,
                 std::vector<ConfigError>* errors);
bool load_config_text(const std::string& path, std::string_view text,
                      Config* config, std::vector<ConfigError>* errors);

// Copies the config's settings into what rules read.
void apply_config(const Config& config, LintSettings* settings);

// The embedded schemas/launchlint-config.schema.json.
std::string_view config_schema_text();

// The effective setting of a rule: its own entry, else its area's.
RuleSetting rule_setting(const Config& config, const RuleInfo& rule);

// Days since 1970-01-01 for "YYYY-MM-DD"; nullopt when not a real date.
std::optional<long> parse_date(std::string_view text);
std::string format_date(long days);

}  // namespace launchlint
