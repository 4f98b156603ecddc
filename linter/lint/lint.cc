#include "linter/lint/lint.h"

#include <algorithm>
#include <chrono>
#include <memory>

#include <fmt/format.h>

#include "linter/lint/loader.h"
#include "linter/lint/merge_sets.h"
#include "linter/render/render_inputs.h"
#include "linter/render/source_map.h"
#include "linter/rules/registry.h"
#include "linter/rules/run.h"
#include "linter/schema/analysis.h"

namespace launchlint {

namespace {

LoadOptions load_options(const LintOptions& options) {
  LoadOptions load;
  load.parse_limits = options.parse_limits;
  load.default_namespace = options.settings.default_namespace;
  load.jobs = options.jobs;
  load.batch_bytes = options.batch_bytes;
  return load;
}

// Parses the --crd files; their problems are input errors (exit code 2).
std::vector<std::shared_ptr<const Document>> load_crds(
    const LintOptions& options, LintRun* run) {
  std::vector<std::shared_ptr<const Document>> documents;
  std::vector<InputFile> inputs = expand_paths(options.crd_paths, &run->errors);
  std::string text;
  for (const InputFile& input : inputs) {
    std::string error;
    if (!read_input(input, options.max_file_bytes, &text, &error)) {
      run->errors.push_back({input.display(), error});
      continue;
    }
    auto file = std::make_shared<const std::string>(input.display());
    ParsedStream parsed = parse_stream(text, file, options.parse_limits);
    for (const ParseDiagnostic& d : parsed.diagnostics) {
      if (d.rule != "yaml-syntax") continue;
      run->errors.push_back(
          {input.display(), fmt::format("{}:{}: {} (in a --crd file)", d.line,
                                        d.column, d.message)});
    }
    for (auto& doc : parsed.documents) documents.push_back(std::move(doc));
  }
  return documents;
}

void finish(const LintOptions& options, LintRun* run) {
  run->model.finish(options.settings.accelerators);
  run->custom_rules = options.settings.custom_rules;
  run->namespaces = std::make_unique<NamespaceModel>(run->model);
  if (!options.run_rules) return;
  SchemaAnalysis schemas(run->model, load_crds(options, run));
  LintContext context{run->model, options.settings, &schemas,
                      run->namespaces.get()};
  run_rules(context, options.jobs, &run->findings);
  static const Config kNoConfig;
  const Config& config = options.config ? *options.config : kNoConfig;
  run->today = options.today >= 0 ? options.today : today_from_clock();
  run->accepted =
      apply_exceptions(run->model, config, run->today, &run->findings);
  apply_rule_settings(config, &run->findings);
  sort_findings(&run->findings);
}

// One model: the files, and the renderings of values set `set`.
LintRun lint_inputs(const std::vector<InputFile>& inputs,
                    const std::vector<Rendering>& renderings, std::size_t set,
                    const LintOptions& options) {
  LintRun run;
  LoadOptions load = load_options(options);
  Loader loader(load, &run.model, &run.findings);
  for (const InputFile& input : inputs) {
    if (input.kind != InputKind::File) {
      for (const Rendering* r :
           renderings_of(renderings, input, set, options.render)) {
        if (!r->error_file.empty()) {
          run.findings.push_back(template_error_finding(*r));
        } else if (!r->failed) {
          loader.add(*r->display, r->text);
        }
      }
      continue;
    }
    std::string error;
    InputText text;
    if (!open_input(input, options.max_file_bytes, &text, &error)) {
      run.errors.push_back({input.display(), error});
      continue;
    }
    if (input.path == "-") {
      // Writers may need stdin's lines: keep them, and parse the copy kept.
      run.stdin_text = std::string(text.view());
      loader.add(input.display(), run.stdin_text);
      continue;
    }
    loader.add(input.display(), std::move(text));
  }
  loader.finish();
  finish(options, &run);
  map_to_sources(renderings, run.model, &run.findings);
  return run;
}

}  // namespace

long today_from_clock() {
  auto now =
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return now.time_since_epoch().count();
}

LintRun lint_paths(const std::vector<std::string>& paths,
                   const LintOptions& options) {
  std::vector<InputError> errors;
  std::vector<InputFile> inputs = expand_paths(paths, &errors);
  std::vector<Rendering> renderings = render_inputs(inputs, options.render);
  std::size_t sets =
      std::max<std::size_t>(1, options.render.values_sets.size());
  LintRun run = lint_inputs(inputs, renderings, 0, options);
  for (std::size_t set = 1; set < sets; ++set) {
    LintRun more = lint_inputs(inputs, renderings, set, options);
    merge_runs(std::move(more), &run);
  }
  if (sets > 1) {
    // The objects moved in point at their own run's model, now gone: index
    // them with the others and give them this model's accelerator names.
    run.model.finish(options.settings.accelerators);
    run.namespaces = std::make_unique<NamespaceModel>(run.model);
    merge_duplicate_findings(&run.findings);
  }
  sort_findings(&run.findings);
  add_render_errors(renderings, &errors);
  run.errors.insert(run.errors.begin(), errors.begin(), errors.end());
  return run;
}

LintRun lint_texts(const std::vector<InMemoryFile>& files,
                   const LintOptions& options) {
  LintRun run;
  LoadOptions load = load_options(options);
  Loader loader(load, &run.model, &run.findings);
  for (const InMemoryFile& f : files) loader.add(f.path, f.text);
  loader.finish();
  finish(options, &run);
  return run;
}

}  // namespace launchlint
