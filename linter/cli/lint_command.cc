#include <iostream>
#include <map>
#include <memory>
#include <optional>

#include "linter/cli/commands.h"
#include "linter/cli/common.h"
#include "linter/cli/render_flags.h"
#include "linter/output/report.h"
#include "linter/rules/registry.h"
#include "linter/util/timing.h"

namespace launchlint {

namespace {

struct LintFlags {
  InputFlags input;
  std::string format = "text";
  std::string fail_on = "error";
  std::string sarif_category;
  bool quiet = false;
  RenderFlags render;
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
  Config config;
  LintOptions options;
  if (!prepare_lint(flags.input, &config, &options)) return kUsage;
  if (!prepare_render(flags.render, flags.input, &options)) return kUsage;
  std::vector<std::string> paths = flags.input.paths;
  if (paths.empty()) paths.push_back(".");
  LintRun run = lint_paths(paths, options);
  print_input_errors(run);

  Output output(flags.input.output);
  if (!output.stream()) return kUsage;
  // Only JSON carries the readiness matrix and decision: text, GitHub and
  // SARIF output do not pay for building them.
  std::optional<Review> review;
  if (flags.format == "json") {
    PhaseTimer timer("review");
    review = build_review(run.model, run.findings, run.accepted, config,
                          options.settings, run.today, run.namespaces.get());
  }
  std::optional<PhaseTimer> timer(std::in_place, "write");
  std::vector<const Rule*> rules = all_rules(config.custom_rules.get());
  Report report{run.findings,
                run.model.stats,
                rules,
                run.model.objects.size(),
                review ? &*review : nullptr,
                run.errors};
  if (flags.format == "json") {
    write_json(*output.stream(), report);
  } else if (flags.format == "github") {
    write_github(*output.stream(), report);
  } else if (flags.format == "sarif") {
    SarifOptions sarif;
    sarif.category = flags.sarif_category;
    std::map<std::string, std::string, std::less<>> texts;
    texts.emplace("<stdin>", std::move(run.stdin_text));
    sarif.texts = &texts;
    write_sarif(*output.stream(), report, sarif);
  } else {
    write_text(*output.stream(), report, output.color(flags.input.color),
               /*summary=*/!flags.quiet);
  }
  if (!output.finish()) return kUsage;
  timer.reset();
  print_timings(std::cerr);
  if (!run.errors.empty()) return kUsage;
  return fails(run.findings, flags.fail_on) ? kFindings : kClean;
}

}  // namespace

CommandRunner add_lint_command(CLI::App& app) {
  auto flags = std::make_shared<LintFlags>();
  CLI::App* cmd =
      app.add_subcommand("lint", "Lint manifests: files, folders, - for stdin");
  add_input_options(cmd, &flags->input);
  cmd->add_option("--format", flags->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "sarif", "github"}))
      ->capture_default_str();
  cmd->add_option("--fail-on", flags->fail_on,
                  "Lowest severity that makes the exit code 1")
      ->check(CLI::IsMember({"error", "warning", "never"}))
      ->capture_default_str();
  cmd->add_option("--sarif-category", flags->sarif_category,
                  "SARIF automationDetails.id (one per analysis)");
  cmd->add_flag("-q,--quiet", flags->quiet,
                "Print findings only: no summary line");

  add_render_options(cmd, &flags->render);
  return [flags] { return run_lint(*flags); };
}

}  // namespace launchlint
