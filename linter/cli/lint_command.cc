#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "linter/cli/commands.h"
#include "linter/lint/lint.h"
#include "linter/output/report.h"
#include "linter/rules/registry.h"

namespace launchlint {

namespace {

struct LintFlags {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;
  std::string fail_on = "error";
  std::string default_namespace = "default";
  std::string color = "auto";
  std::string sarif_category;
  bool quiet = false;
  unsigned jobs = 0;
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
  options.jobs = flags.jobs;
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

}  // namespace

CommandRunner add_lint_command(CLI::App& app) {
  auto flags = std::make_shared<LintFlags>();
  CLI::App* cmd =
      app.add_subcommand("lint", "Lint manifests: files, folders, - for stdin");
  cmd->add_option("paths", flags->paths,
                  "Files or folders (.yaml, .yml, .json); - reads stdin; "
                  "default .");
  cmd->add_option("--format", flags->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "sarif"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", flags->output,
                  "Write the report to FILE instead of stdout");
  cmd->add_option("--fail-on", flags->fail_on,
                  "Lowest severity that makes the exit code 1")
      ->check(CLI::IsMember({"error", "warning", "never"}))
      ->capture_default_str();
  cmd->add_option("--default-namespace", flags->default_namespace,
                  "Namespace of namespaced objects that set none")
      ->capture_default_str();
  cmd->add_option("--color", flags->color, "Colored text output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  cmd->add_option("--sarif-category", flags->sarif_category,
                  "SARIF automationDetails.id (one per analysis)");
  cmd->add_option("-j,--jobs", flags->jobs,
                  "Parsing threads (default: one per core); output is the "
                  "same for any N")
      ->check(CLI::Range(1u, 256u));
  cmd->add_flag("-q,--quiet", flags->quiet,
                "Print findings only: no summary line");
  return [flags] { return run_lint(*flags); };
}

}  // namespace launchlint
