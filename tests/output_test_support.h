#pragma once

// Shared by the output writer tests: lints the fixture set under
// testdata/outputs/ in memory, with paths relative to the source folder, so
// the reports do not depend on the machine.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
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
    return Report{run.findings, run.model.stats, builtin_rules(),
                  run.model.objects.size(), run.errors};
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

inline Linted lint_in_memory(std::vector<InMemoryFile> files) {
  Linted l;
  for (const InMemoryFile& f : files) l.texts.emplace(f.path, f.text);
  l.run = lint_texts(files, LintOptions{});
  return l;
}

// Every file under `folder` (relative to the source folder), sorted, named
// by its path relative to the source folder.
inline std::vector<InMemoryFile> fixture_files(std::string_view folder) {
  std::vector<fs::path> paths;
  for (const auto& e : fs::recursive_directory_iterator(source_path(folder))) {
    if (e.is_regular_file()) paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<InMemoryFile> files;
  for (const fs::path& p : paths) {
    files.push_back({fs::relative(p, LAUNCHLINT_SOURCE_DIR).generic_string(),
                     read_file(p)});
  }
  return files;
}

// The rules the writer fixtures were written for. Findings of rules added
// later are dropped, so the golden files and the findings' order stay put
// while the catalog grows: these tests are about the writers.
inline bool fixture_rule(std::string_view id) {
  for (std::string_view known :
       {"GEN001", "GEN002", "ROL001", "ROL002", "SCH001", "SCH002", "SEC001"}) {
    if (id == known) return true;
  }
  return false;
}

inline Linted lint_fixtures() {
  Linted l = lint_in_memory(fixture_files("testdata/outputs"));
  std::erase_if(l.run.findings,
                [](const Finding& f) { return !fixture_rule(f.rule->id); });
  return l;
}

}  // namespace launchlint::testing
