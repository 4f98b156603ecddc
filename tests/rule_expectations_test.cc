// Annotated rule tests: every testdata/rules/**/*.yaml file is linted on its
// own, and its findings must match its `# expect: ID[, ID...]` comments
// exactly. A trailing comment applies to its own line; a comment alone on a
// line applies to the next line that is neither blank nor a comment.
// A file checks the rule its folder is named after plus every rule it
// annotates; other rules' findings are ignored, so a rule's testdata need not
// satisfy the whole catalog (which grows with every rule).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "linter/lint/lint.h"
#include "linter/rules/doc_sections.h"
#include "linter/rules/registry.h"

namespace launchlint {

namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string canonical_id(std::string_view id_or_name) {
  const Rule* r = find_rule(id_or_name);
  return r ? std::string(r->info.id) : "unknown rule " + std::string(id_or_name);
}

// (line, rule id) pairs the file expects.
std::multiset<std::pair<std::uint32_t, std::string>> expectations(
    const std::string& text) {
  std::multiset<std::pair<std::uint32_t, std::string>> out;
  std::vector<std::string> lines;
  std::stringstream ss(text);
  for (std::string line; std::getline(ss, line);) lines.push_back(line);
  std::vector<std::string> pending;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    std::size_t first = line.find_first_not_of(" \t");
    bool blank = first == std::string::npos;
    bool own_line = !blank && line[first] == '#';
    std::size_t at = line.find("# expect:");
    std::vector<std::string> ids;
    if (at != std::string::npos) {
      std::string list = line.substr(at + 9);
      std::replace(list.begin(), list.end(), ',', ' ');
      std::stringstream ls(list);
      for (std::string id; ls >> id;) ids.push_back(canonical_id(id));
    }
    if (own_line) {
      pending.insert(pending.end(), ids.begin(), ids.end());
      continue;
    }
    if (blank) continue;
    auto n = static_cast<std::uint32_t>(i + 1);
    for (const std::string& id : pending) out.emplace(n, id);
    pending.clear();
    for (const std::string& id : ids) out.emplace(n, id);
  }
  return out;
}

std::vector<fs::path> rule_test_files() {
  std::vector<fs::path> files;
  fs::path root = fs::path(LAUNCHLINT_SOURCE_DIR) / "testdata" / "rules";
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file() && e.path().extension() == ".yaml")
      files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("annotated rule tests") {
  std::vector<fs::path> files = rule_test_files();
  REQUIRE(!files.empty());
  for (const fs::path& file : files) {
    std::string text = read_file(file);
    std::string name = fs::relative(file, LAUNCHLINT_SOURCE_DIR).string();
    LintRun run = lint_texts({{name, text}}, LintOptions{});
    std::multiset<std::pair<std::uint32_t, std::string>> got;
    for (const Finding& f : run.findings)
      got.emplace(f.location.line, std::string(f.rule->id));
    auto want = expectations(text);
    std::set<std::string> checked = {
        canonical_id(file.parent_path().filename().string())};
    for (const auto& w : want) checked.insert(w.second);
    std::erase_if(run.findings, [&](const Finding& f) {
      return !checked.count(std::string(f.rule->id));
    });
    got.clear();
    for (const Finding& f : run.findings)
      got.emplace(f.location.line, std::string(f.rule->id));
    std::string problems;
    for (const auto& w : want) {
      if (got.count(w) < want.count(w) && problems.find(fmt::format(
              "{}:{}: expected {}", name, w.first, w.second)) == std::string::npos)
        problems += fmt::format("{}:{}: expected {} (not reported)\n", name,
                                w.first, w.second);
    }
    for (const Finding& f : run.findings) {
      std::pair<std::uint32_t, std::string> key{f.location.line,
                                                std::string(f.rule->id)};
      if (got.count(key) > want.count(key)) {
        problems += fmt::format("{}:{}:{}: unexpected {}: {}\n", name,
                                f.location.line, f.location.column,
                                f.rule->id, f.message);
      }
    }
    INFO(problems);
    CHECK_MESSAGE(problems.empty(), name);
  }
}

TEST_CASE("every rule has a complete doc, and testdata that expects it") {
  std::set<std::string> expected_somewhere;
  for (const fs::path& file : rule_test_files()) {
    for (const auto& e : expectations(read_file(file)))
      expected_somewhere.insert(e.second);
  }
  std::set<std::string_view> ids, names;
  std::string_view previous;
  for (const Rule* rule : builtin_rules()) {
    const RuleInfo& info = rule->info;
    INFO(info.name);
    CHECK(ids.insert(info.id).second);
    CHECK(names.insert(info.name).second);
    CHECK(previous < info.id);  // rule_list.inc is sorted by id
    previous = info.id;
    CHECK(info.summary.ends_with('.'));
    std::string_view doc = rule_doc(info.name);
    REQUIRE(!doc.empty());
    CHECK(doc.starts_with(fmt::format("# {} ({})\n", info.name, info.id)));
    for (std::string_view heading :
         {"What it does", "Why it matters", "Example", "Use instead",
          "Exceptions", "References"}) {
      CHECK_MESSAGE(!doc_section(doc, heading).empty(), heading);
    }
    CHECK_MESSAGE(expected_somewhere.count(std::string(info.id)),
                  "no testdata expects this rule");
    // The rule's file lives under its area.
    fs::path cc = fs::path(LAUNCHLINT_SOURCE_DIR) / "rules" /
                  std::string(to_string(info.area)) /
                  (std::string(info.name) + ".cc");
    CHECK_MESSAGE(fs::exists(cc), cc.string());
  }
}

TEST_CASE("each doc's Example triggers its rule and Use instead does not") {
  for (const Rule* rule : builtin_rules()) {
    const RuleInfo& info = rule->info;
    INFO(info.name);
    std::string_view doc = rule_doc(info.name);
    std::string bad = doc_yaml_block(doc, "Example");
    std::string good = doc_yaml_block(doc, "Use instead");
    REQUIRE(!bad.empty());
    REQUIRE(!good.empty());
    auto count = [&](const std::string& text) {
      LintRun run = lint_texts({{"doc.yaml", text}}, LintOptions{});
      return std::count_if(run.findings.begin(), run.findings.end(),
                           [&](const Finding& f) { return f.rule == &info; });
    };
    CHECK(count(bad) > 0);
    CHECK(count(good) == 0);
  }
}

}  // namespace launchlint
