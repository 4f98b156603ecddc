#include <iostream>
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

struct ReviewFlags {
  InputFlags input;
  RenderFlags render;
  std::string format = "text";
  bool fail_on_conditions = false;
};

int run_review(const ReviewFlags& flags) {
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
  std::optional<PhaseTimer> timer(std::in_place, "review");
  Review review =
      build_review(run.model, run.findings, run.accepted, config,
                   options.settings, run.today, run.namespaces.get());
  timer.emplace("write");
  std::vector<const Rule*> rules = all_rules(config.custom_rules.get());
  Report report{run.findings, run.model.stats, rules, run.model.objects.size(),
                &review,      run.errors};
  if (flags.format == "json") {
    write_json(*output.stream(), report);
  } else if (flags.format == "markdown") {
    write_review_markdown(*output.stream(), report);
  } else {
    write_review_text(*output.stream(), report,
                      output.color(flags.input.color));
  }
  bool written = output.finish();
  timer.reset();
  print_timings(std::cerr);
  if (!written) return kUsage;
  if (!run.errors.empty()) return kUsage;
  switch (review.decision.verdict) {
    case Verdict::Block:
      return kFindings;
    case Verdict::ApproveWithConditions:
      return flags.fail_on_conditions ? kFindings : kClean;
    case Verdict::Approve:
      return kClean;
  }
  return kClean;
}

}  // namespace

CommandRunner add_review_command(CLI::App& app) {
  auto flags = std::make_shared<ReviewFlags>();
  CLI::App* cmd = app.add_subcommand(
      "review", "The launch review: readiness matrix and decision");
  add_input_options(cmd, &flags->input);
  cmd->add_option("--format", flags->format, "Output format")
      ->check(CLI::IsMember({"text", "markdown", "json"}))
      ->capture_default_str();
  cmd->add_flag("--fail-on-conditions", flags->fail_on_conditions,
                "Exit 1 on \"approve with conditions\" too");
  add_render_options(cmd, &flags->render);
  return [flags] { return run_review(*flags); };
}

}  // namespace launchlint
