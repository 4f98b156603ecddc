#include <algorithm>
#include <iostream>
#include <memory>
#include <vector>

#include <fmt/format.h>

#include "linter/cli/commands.h"
#include "linter/cli/common.h"
#include "linter/output/report.h"
#include "linter/rules/registry.h"

namespace launchlint {

CommandRunner add_rules_command(CLI::App& app) {
  auto config_path = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("rules",
                                     "List every rule by area: built-in ones "
                                     "by id, then the config's custom rules");
  cmd->add_option("-c,--config", *config_path,
                  "Config file whose customRules are listed too (default: "
                  ".launchlint.yaml in the current folder or its parents)");
  return [config_path] {
    Config config;
    if (!load_config_flag(*config_path, &config))
      return static_cast<int>(kUsage);
    std::vector<const Rule*> rules = all_rules(config.custom_rules.get());
    std::stable_sort(rules.begin(), rules.end(),
                     [](const Rule* a, const Rule* b) {
                       return a->info.area < b->info.area;
                     });
    for (const Rule* r : rules) {
      std::string custom =
          r->info.source.empty()
              ? std::string()
              : fmt::format(" [custom rule from {}]", r->info.source);
      std::cout << fmt::format("{:<8} {:<34} {:<14} {:<8} {}{}\n", r->info.id,
                               r->info.name, to_string(r->info.area),
                               to_string(r->info.severity), r->info.summary,
                               custom);
    }
    return static_cast<int>(kClean);
  };
}

CommandRunner add_explain_command(CLI::App& app) {
  auto name = std::make_shared<std::string>();
  auto config_path = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("explain", "Print a rule's documentation");
  cmd->add_option("rule", *name, "Rule id or name")->required();
  cmd->add_option("-c,--config", *config_path,
                  "Config file whose customRules can be explained too "
                  "(default: .launchlint.yaml in the current folder or its "
                  "parents)");
  return [name, config_path] {
    Config config;
    if (!load_config_flag(*config_path, &config))
      return static_cast<int>(kUsage);
    const Rule* rule = find_rule(*name, config.custom_rules.get());
    if (!rule) {
      std::cerr << fmt::format(
          "launchlint: error: no rule \"{}\"; `launchlint rules` lists them\n",
          *name);
      return static_cast<int>(kUsage);
    }
    std::string_view doc = doc_of(rule->info);
    std::cout << doc;
    if (!doc.ends_with('\n')) std::cout << '\n';
    return static_cast<int>(kClean);
  };
}

CommandRunner add_version_command(CLI::App& app) {
  app.add_subcommand("version", "Print the version");
  return [] {
    std::cout << fmt::format("launchlint {}\n", tool_version());
    return static_cast<int>(kClean);
  };
}

}  // namespace launchlint
