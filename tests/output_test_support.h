#pragma once

// Shared by the output writer tests: lints the fixture set under
// testdata/outputs/ in memory, with paths relative to the source folder, so
// the reports do not depend on the machine.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "linter/lint/lint.h"
#include "linter/output/report.h"
#include "linter/rules/registry.h"

namespace launchlint::testing {

namespace fs = std::filesystem;

inline std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline fs::path source_path(std::string_view relative) {
  return fs::path(LAUNCHLINT_SOURCE_DIR) / relative;
}

// The %SRCROOT% the machine-independent reports use.
inline constexpr std::string_view kFakeRoot = "/src/launchlint/";

struct Linted {
  std::map<std::string, std::string, std::less<>> texts;  // by display name
  LintRun run;

  Report report() const {
    return Report{run.findings,    run.model.stats,
                  builtin_rules(), run.model.objects.size(),
                  nullptr,         run.errors};
  }
  std::string text(bool color = false) const {
    std::ostringstream out;
    write_text(out, report(), color);
    return out.str();
  }
  std::string json() const {
    std::ostringstream out;
    write_json(out, report());
    return out.str();
  }
  // `all_rules`: describe every built-in rule, not only those that fired.
  std::string sarif(bool all_rules = true) const {
    std::ostringstream out;
    SarifOptions options;
    options.root = std::string(kFakeRoot);
    options.texts = &texts;
    Report r = report();
    if (!all_rules) r.rules = {};
    write_sarif(out, r, options);
    return out.str();
  }
};

// testdata/outputs/.launchlint.yaml: the fixed rule set the writers' tests
// run with, so new rules do not change their expectations.
inline const Config& pinned_rules() {
  static const Config config = [] {
    Config c;
    std::vector<ConfigError> errors;
    load_config(source_path("testdata/outputs/.launchlint.yaml").string(), &c,
                &errors);
    return c;
  }();
  return config;
}

inline Linted lint_in_memory(std::vector<InMemoryFile> files) {
  Linted l;
  for (const InMemoryFile& f : files) l.texts.emplace(f.path, f.text);
  LintOptions options;
  options.config = &pinned_rules();
  l.run = lint_texts(files, options);
  return l;
}

// Every file under `folder` (relative to the source folder), sorted, named
// by its path relative to the source folder.
inline std::vector<InMemoryFile> fixture_files(std::string_view folder) {
  std::vector<fs::path> paths;
  for (const auto& e : fs::recursive_directory_iterator(source_path(folder))) {
    if (e.is_regular_file() && !e.path().filename().string().starts_with("."))
      paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<InMemoryFile> files;
  for (const fs::path& p : paths) {
    files.push_back({fs::relative(p, LAUNCHLINT_SOURCE_DIR).generic_string(),
                     read_file(p)});
  }
  return files;
}

inline Linted lint_fixtures() {
  return lint_in_memory(fixture_files("testdata/outputs"));
}

// The review writers' fixture: testdata/review-output/ with the config beside
// it, reviewed as of 2026-11-28, so the review date does not move.
struct Reviewed {
  Config config;
  Linted linted;
  Review review;

  Report report() const {
    Report r = linted.report();
    r.review = &review;
    return r;
  }
  std::string text(bool color = false) const {
    std::ostringstream out;
    write_review_text(out, report(), color);
    return out.str();
  }
  std::string markdown() const {
    std::ostringstream out;
    write_review_markdown(out, report());
    return out.str();
  }
  std::string json() const {
    std::ostringstream out;
    write_json(out, report());
    return out.str();
  }
};

inline std::unique_ptr<Reviewed> review_fixture() {
  auto r = std::make_unique<Reviewed>();
  std::string config_path = "testdata/review-output/.launchlint.yaml";
  std::vector<ConfigError> errors;
  if (!load_config_text(config_path, read_file(source_path(config_path)),
                        &r->config, &errors))
    throw std::runtime_error(errors.at(0).format());
  std::vector<InMemoryFile> files = fixture_files("testdata/review-output");
  for (const InMemoryFile& f : files) r->linted.texts.emplace(f.path, f.text);
  LintOptions options;
  apply_config(r->config, &options.settings);
  options.config = &r->config;
  options.today = *parse_date("2026-11-28");
  r->linted.run = lint_texts(files, options);
  const LintRun& run = r->linted.run;
  r->review = build_review(run.model, run.findings, run.accepted, r->config,
                           options.settings, run.today);
  return r;
}

}  // namespace launchlint::testing
