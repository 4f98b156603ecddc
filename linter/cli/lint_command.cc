#include <iostream>
#include <map>
#include <memory>
#include <optional>

#include "linter/cli/commands.h"
#include "linter/cli/common.h"
#include <fmt/format.h>
#include "linter/output/report.h"
#include "linter/rules/registry.h"

namespace launchlint {

namespace {

struct LintFlags {
  InputFlags input;
  std::string format = "text";
  std::string fail_on = "error";
  std::string sarif_category;
  std::vector<std::string> crd_paths;
  bool quiet = false;
  RenderOptions render;
  std::vector<std::string> values_sets;  // name=a.yaml,b.yaml
};

// "name=a.yaml,b.yaml" -> a values set; false with a message when malformed.
bool parse_values_set(const std::string& text, ValuesSet* set,
                      std::string* error) {
  std::size_t eq = text.find('=');
  if (eq == 0 || eq == std::string::npos || eq + 1 == text.size()) {
    *error = fmt::format("--values-set {}: expected NAME=FILE[,FILE...]", text);
    return false;
  }
  set->name = text.substr(0, eq);
  std::string files = text.substr(eq + 1);
  for (std::size_t pos = 0; pos <= files.size();) {
    std::size_t comma = files.find(',', pos);
    if (comma == std::string::npos) comma = files.size();
    if (comma > pos) set->files.push_back(files.substr(pos, comma - pos));
    pos = comma + 1;
  }
  if (set->files.empty()) {
    *error = fmt::format("--values-set {}: no values file", text);
    return false;
  }
  return true;
}

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
  options.crd_paths = flags.crd_paths;
  options.render = flags.render;
  // One target version for helm template and the removed-API rule.
  options.render.kube_version = flags.input.kube_version;
  for (const std::string& text : flags.values_sets) {
    ValuesSet set;
    std::string error;
    if (!parse_values_set(text, &set, &error)) {
      std::cerr << fmt::format("launchlint: error: {}\n", error);
      return kUsage;
    }
    for (const ValuesSet& other : options.render.values_sets) {
      if (other.name == set.name) {
        std::cerr << fmt::format(
            "launchlint: error: --values-set {} given twice\n", set.name);
        return kUsage;
      }
    }
    options.render.values_sets.push_back(std::move(set));
  }
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
    review = build_review(run.model, run.findings, run.accepted, config,
                          options.settings, run.today);
  }
  std::vector<const Rule*> rules = all_rules(config.custom_rules.get());
  Report report{run.findings, run.model.stats, rules,
                run.model.objects.size(), review ? &*review : nullptr,
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
  cmd->add_option("--crd", flags->crd_paths,
                  "CustomResourceDefinition files or folders: schemas for "
                  "custom resources, not linted (repeatable)")
      ->allow_extra_args(false);
  cmd->add_flag("-q,--quiet", flags->quiet,
                "Print findings only: no summary line");

  const std::string charts = "Charts and kustomize folders";
  cmd->add_option("--helm", flags->render.helm,
                  "helm program that renders chart folders (Chart.yaml)")
      ->group(charts)
      ->capture_default_str();
  cmd->add_option("--kustomize", flags->render.kustomize,
                  "kustomize or kubectl program that builds kustomization "
                  "folders (default: kubectl kustomize)")
      ->group(charts)->allow_extra_args(false);
  cmd->add_option("-f,--values", flags->render.values,
                  "helm template --values FILE, for every chart (repeatable)")
      ->group(charts)->allow_extra_args(false);
  cmd->add_option("--set", flags->render.set, "helm template --set (repeatable)")
      ->group(charts)->allow_extra_args(false);
  cmd->add_option("--set-string", flags->render.set_string,
                  "helm template --set-string (repeatable)")
      ->group(charts)->allow_extra_args(false);
  cmd->add_option("--set-file", flags->render.set_file,
                  "helm template --set-file (repeatable)")
      ->group(charts)->allow_extra_args(false);
  cmd->add_option("--release-name", flags->render.release_name,
                  "Release name charts are rendered with")
      ->group(charts)
      ->capture_default_str();
  cmd->add_option("--namespace", flags->render.ns,
                  "helm template --namespace; also the default namespace")
      ->group(charts)->allow_extra_args(false);
  cmd->add_option("--api-versions", flags->render.api_versions,
                  "helm template --api-versions (repeatable)")
      ->group(charts)->allow_extra_args(false);
  cmd->add_option("--values-set", flags->values_sets,
                  "NAME=FILE[,FILE...]: render each chart once per set and "
                  "label findings with NAME (repeatable)")
      ->group(charts)->allow_extra_args(false);
  cmd->add_option("--render-timeout", flags->render.timeout_seconds,
                  "Seconds one helm or kustomize run may take")
      ->group(charts)
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  CLI::Option* default_ns = cmd->get_option("--default-namespace");
  return [flags, default_ns] {
    // Rendered with --namespace, unnamespaced objects land there.
    if (!flags->render.ns.empty() && default_ns->count() == 0)
      flags->input.default_namespace = flags->render.ns;
    return run_lint(*flags);
  };
}

}  // namespace launchlint
