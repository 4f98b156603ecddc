#include <utility>
#include <vector>

#include "linter/cli/commands.h"

int main(int argc, char** argv) {
  using namespace launchlint;
  CLI::App app{"launchlint: the launch review of Kubernetes LLM-serving "
               "workloads, offline"};
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "Show every subcommand's help");

  std::vector<std::pair<CLI::App*, CommandRunner>> commands;
  auto add = [&](CommandRunner (*adder)(CLI::App&)) {
    std::size_t before = app.get_subcommands({}).size();
    CommandRunner run = adder(app);
    commands.emplace_back(app.get_subcommands({})[before], std::move(run));
  };
  add(add_lint_command);
  add(add_review_command);
  add(add_rules_command);
  add(add_explain_command);
  add(add_version_command);
  add(add_lsp_command);
  add(add_can_i_command);
  add(add_can_reach_command);
  add(add_describe_command);
  add(add_init_command);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kClean : kUsage;
  }
  for (auto& [command, run] : commands) {
    if (command->parsed()) return run();
  }
  return kUsage;
}
