#include "linter/lint/lint.h"

#include <memory>

#include "linter/rules/registry.h"
#include "linter/rules/run.h"

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

void finish(const LintOptions& options, LintRun* run) {
  run->model.finish();
  LintContext context{run->model, options.settings};
  std::vector<Finding> found = run_rules(context);
  run->findings.insert(run->findings.end(),
                       std::make_move_iterator(found.begin()),
                       std::make_move_iterator(found.end()));
  sort_findings(&run->findings);
}

}  // namespace

LintRun lint_paths(const std::vector<std::string>& paths,
                   const LintOptions& options) {
  LintRun run;
  std::vector<InputFile> inputs = expand_paths(paths, &run.errors);
  std::string text;
  for (const InputFile& input : inputs) {
    std::string error;
    if (!read_input(input, options.max_file_bytes, &text, &error)) {
      run.errors.push_back({input.display(), error});
      continue;
    }
    add_file(input.display(), text, options, &run);
  }
  std::string().swap(text);  // the model keeps its own copy of what it needs
  finish(options, &run);
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
