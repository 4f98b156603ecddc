#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "linter/lint/lint.h"
#include "linter/output/report.h"
#include "linter/rules/registry.h"

namespace launchlint {

namespace {

enum ExitCode { kClean = 0, kFindings = 1, kUsage = 2 };

struct LintFlags {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;
  std::string fail_on = "error";
  std::string default_namespace = "default";
  std::string color = "auto";
  std::string sarif_category;
  bool quiet = false;
};

bool fails(const std::vector<Finding>& findings, const std::string& fail_on) {
  if (fail_on == "never") return false;
  Severity threshold =
      fail_on == "warning" ? Severity::Warning : Severity::Error;
  for (const Finding& f : findings) {
    if (!f.suppressed && f.severity >= threshold) return true;
  }
  return false;
}

int run_lint(const LintFlags& flags) {
  LintOptions options;
  options.settings.default_namespace = flags.default_namespace;
  std::vector<std::string> paths = flags.paths;
  if (paths.empty()) paths.push_back(".");
  LintRun run = lint_paths(paths, options);

  for (const InputError& e : run.errors) {
    std::cerr << fmt::format("launchlint: error: {}: {}\n", e.path, e.message);
  }

  std::ofstream file;
  std::ostream* out = &std::cout;
  if (!flags.output.empty()) {
    file.open(flags.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << fmt::format("launchlint: error: cannot write {}\n",
                               flags.output);
      return kUsage;
    }
    out = &file;
  }
  Report report{run.findings, run.model.stats, builtin_rules(),
                run.model.objects.size()};
  if (flags.format == "json") {
    write_json(*out, report);
  } else if (flags.format == "sarif") {
    SarifOptions sarif;
    sarif.category = flags.sarif_category;
    write_sarif(*out, report, sarif);
  } else {
    bool color = flags.color == "always" ||
                 (flags.color == "auto" && flags.output.empty() &&
                  ::isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr);
    write_text(*out, report, color, /*summary=*/!flags.quiet);
  }
  out->flush();
  if (!*out) {
    std::cerr << "launchlint: error: writing the report failed\n";
    return kUsage;
  }
  if (!run.errors.empty()) return kUsage;
  return fails(run.findings, flags.fail_on) ? kFindings : kClean;
}

int run_rules_list() {
  for (const Rule* r : builtin_rules()) {
    std::cout << fmt::format("{:<8} {:<34} {:<14} {:<8} {}\n", r->info.id,
                             r->info.name, to_string(r->info.area),
                             to_string(r->info.severity), r->info.summary);
  }
  return kClean;
}

int run_explain(const std::string& name) {
  const Rule* rule = find_rule(name);
  if (!rule) {
    std::cerr << fmt::format(
        "launchlint: error: no rule \"{}\"; `launchlint rules` lists them\n",
        name);
    return kUsage;
  }
  std::string_view doc = rule_doc(rule->info.name);
  std::cout << doc;
  if (!doc.ends_with('\n')) std::cout << '\n';
  return kClean;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"launchlint: the launch review of Kubernetes LLM-serving "
               "workloads, offline"};
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "Show every subcommand's help");

  LintFlags lint;
  CLI::App* lint_cmd =
      app.add_subcommand("lint", "Lint manifests: files, folders, - for stdin");
  lint_cmd->add_option("paths", lint.paths,
                       "Files or folders (.yaml, .yml, .json); - reads stdin; "
                       "default .");
  lint_cmd->add_option("--format", lint.format, "Output format")
      ->check(CLI::IsMember({"text", "json", "sarif"}))
      ->capture_default_str();
  lint_cmd->add_option("-o,--output", lint.output,
                       "Write the report to FILE instead of stdout");
  lint_cmd->add_option("--fail-on", lint.fail_on,
                       "Lowest severity that makes the exit code 1")
      ->check(CLI::IsMember({"error", "warning", "never"}))
      ->capture_default_str();
  lint_cmd->add_option("--default-namespace", lint.default_namespace,
                       "Namespace of namespaced objects that set none")
      ->capture_default_str();
  lint_cmd->add_option("--color", lint.color, "Colored text output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  lint_cmd->add_option("--sarif-category", lint.sarif_category,
                       "SARIF automationDetails.id (one per analysis)");
  lint_cmd->add_flag("-q,--quiet", lint.quiet,
                     "Print findings only: no summary line");

  app.add_subcommand("rules", "List every rule");
  std::string explain_name;
  CLI::App* explain_cmd =
      app.add_subcommand("explain", "Print a rule's documentation");
  explain_cmd->add_option("rule", explain_name, "Rule id or name")->required();
  app.add_subcommand("version", "Print the version");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kClean : kUsage;
  }

  if (app.got_subcommand("lint")) return run_lint(lint);
  if (app.got_subcommand("rules")) return run_rules_list();
  if (app.got_subcommand("explain")) return run_explain(explain_name);
  if (app.got_subcommand("version")) {
    std::cout << fmt::format("launchlint {}\n", tool_version());
    return kClean;
  }
  return kUsage;
}

}  // namespace launchlint

int main(int argc, char** argv) { return launchlint::main(argc, argv); }
