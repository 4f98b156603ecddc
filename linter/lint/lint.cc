#include "linter/lint/lint.h"

#include <algorithm>
#include <chrono>
#include <memory>

#include <fmt/format.h>

#include "linter/lint/merge_sets.h"
#include "linter/render/render_inputs.h"
#include "linter/render/source_map.h"
#include "linter/rules/registry.h"
#include "linter/rules/run.h"
#include "linter/schema/analysis.h"

namespace launchlint {

namespace {

void add_file(std::string_view display, std::string_view text,
              const LintOptions& options, LintRun* run) {
  auto file = std::make_shared<const std::string>(display);
  ++run->model.stats.files;
  run->model.stats.bytes += text.size();
  std::vector<ParseDiagnostic> diagnostics;
  ParseDiagnostic encoding;
  std::string_view body = text;
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);  // UTF-8 BOM
  if (body.starts_with("\xFF\xFE") || body.starts_with("\xFE\xFF")) {
    encoding = {"yaml-syntax", 1, 1,
                "UTF-16 encoded file: convert it to UTF-8"};
    diagnostics.push_back(encoding);
  } else if (!check_encoding(body, &encoding)) {
    diagnostics.push_back(encoding);
  } else {
    ParsedStream parsed = parse_stream(body, file, options.parse_limits);
    run->model.stats.empty_documents += parsed.empty_documents;
    for (auto& doc : parsed.documents)
      run->model.add_document(std::move(doc), options.settings.default_namespace);
    diagnostics = std::move(parsed.diagnostics);
  }
  for (const ParseDiagnostic& d : diagnostics) {
    const Rule* rule = find_rule(d.rule);
    Finding f;
    f.rule = &rule->info;
    f.severity = rule->info.severity;
    f.message = d.message;
    f.location = {file, d.line, d.column};
    run->findings.push_back(std::move(f));
  }
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
  std::vector<Finding> found = run_rules(context);
  run->findings.insert(run->findings.end(),
                       std::make_move_iterator(found.begin()),
                       std::make_move_iterator(found.end()));
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
  std::string text;
  for (const InputFile& input : inputs) {
    if (input.kind != InputKind::File) {
      for (const Rendering* r :
           renderings_of(renderings, input, set, options.render)) {
        if (!r->error_file.empty()) {
          run.findings.push_back(template_error_finding(*r));
        } else if (!r->failed) {
          add_file(*r->display, r->text, options, &run);
        }
      }
      continue;
    }
    std::string error;
    if (!read_input(input, options.max_file_bytes, &text, &error)) {
      run.errors.push_back({input.display(), error});
      continue;
    }
    add_file(input.display(), text, options, &run);
    if (input.path == "-") run.stdin_text = text;
  }
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
  std::size_t sets = std::max<std::size_t>(1, options.render.values_sets.size());
  LintRun run = lint_inputs(inputs, renderings, 0, options);
  for (std::size_t set = 1; set < sets; ++set) {
    LintRun more = lint_inputs(inputs, renderings, set, options);
    merge_runs(std::move(more), &run);
  }
  if (sets > 1) merge_duplicate_findings(&run.findings);
  sort_findings(&run.findings);
  add_render_errors(renderings, &errors);
  run.errors.insert(run.errors.begin(), errors.begin(), errors.end());
  return run;
}

LintRun lint_texts(const std::vector<InMemoryFile>& files,
                   const LintOptions& options) {
  LintRun run;
  for (const InMemoryFile& f : files) add_file(f.path, f.text, options, &run);
  finish(options, &run);
  return run;
}

}  // namespace launchlint
