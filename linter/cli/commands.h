#pragma once

#include <functional>

#include <CLI/CLI.hpp>

namespace launchlint {

enum ExitCode { kClean = 0, kFindings = 1, kUsage = 2 };

// Each command adds its subcommand and returns what runs it once parsed.
using CommandRunner = std::function<int()>;
CommandRunner add_lint_command(CLI::App& app);
CommandRunner add_review_command(CLI::App& app);
CommandRunner add_rules_command(CLI::App& app);
CommandRunner add_explain_command(CLI::App& app);
CommandRunner add_version_command(CLI::App& app);
CommandRunner add_lsp_command(CLI::App& app);
CommandRunner add_can_i_command(CLI::App& app);
CommandRunner add_can_reach_command(CLI::App& app);
CommandRunner add_describe_command(CLI::App& app);
CommandRunner add_init_command(CLI::App& app);

}  // namespace launchlint
