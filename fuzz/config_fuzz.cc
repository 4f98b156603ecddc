// The config file reader's fuzz target: any bytes as a .launchlint.yaml
// (YAML, the embedded schema, rule settings, exceptions, customRules
// compiled). A config that loads is used as the CLI would: a manifest after a
// "#%manifest" line is linted with it (custom rules, exceptions, severities)
// and written in every format. Errors must name the config file and a line
// inside it.
#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "fuzz/checks.h"
#include "fuzz/targets.h"
#include "linter/config/config.h"
#include "linter/model/api_versions.h"
#include "linter/rules/registry.h"

namespace launchlint::fuzz {

void config(std::string_view bytes) {
  constexpr std::string_view kMarker = "\n#%manifest\n";
  std::size_t marker = bytes.find(kMarker);
  std::string_view config_text = bytes.substr(0, marker);
  std::string manifest;
  if (marker != std::string_view::npos)
    manifest = bytes.substr(marker + kMarker.size());

  const std::string path = "/fuzz/.launchlint.yaml";
  Config config;
  std::vector<ConfigError> errors;
  bool loaded = load_config_text(path, config_text, &config, &errors);
  auto lines = static_cast<std::uint32_t>(
      std::count(config_text.begin(), config_text.end(), '\n') + 1);
  for (const ConfigError& e : errors) {
    if (e.location.file_name() != path || e.location.line < 1 ||
        e.location.line > lines)
      throw CheckFailed("config error outside the file: " + e.format());
    if (e.message.empty()) throw CheckFailed("config error without message");
  }
  if (loaded != errors.empty())
    throw CheckFailed(fmt::format("load_config_text returned {} with {} errors",
                                  loaded, errors.size()));
  if (!loaded) return;

  LintOptions options;
  options.jobs = 1;
  options.today = kToday;
  apply_config(config, &options.settings);
  options.config = &config;
  if (!config.kubernetes_version.empty() &&
      !parse_kube_version(config.kubernetes_version,
                          &options.settings.kube_minor)) {
    return;  // the CLI stops here
  }
  for (const Rule* rule : all_rules(config.custom_rules.get())) {
    (void)doc_of(rule->info);
    (void)rule_setting(config, rule->info);
  }
  LintRun run = lint_texts({{"fuzz.yaml", manifest}}, options);
  check_locations(run.findings, "fuzz.yaml", manifest);
  write_reports(run, config, options, {{"fuzz.yaml", manifest}});
}

}  // namespace launchlint::fuzz
