// Annotated rule tests: every testdata/rules/**/*.yaml file is linted on its
// own, and its findings must match its `# expect: ID[, ID...]` comments
// exactly. A trailing comment applies to its own line; a comment alone on a
// line applies to the next line that is neither blank nor a comment. The
// nearest .launchlint.yaml under testdata/rules configures the run, as the
// CLI would find it (testdata/rules/.launchlint.yaml names default owners).
// A file checks the rules in its scope: the rule its directory is named
// after, every rule it expects somewhere, and any listed in a
// `# check: ID[, ID...]` line. Their unannotated lines are the negative
// cases; other rules' findings are not this file's concern (the reference
// example test runs every rule on one manifest).
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include <fmt/format.h>

#include "linter/lint/lint.h"
#include "linter/rules/custom_rule.h"
#include "linter/rules/doc_sections.h"
#include "linter/rules/registry.h"
#include "tests/render_tools.h"

namespace launchlint {

namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// `custom`: the custom rules of the file's config (may be null).
std::string canonical_id(std::string_view id_or_name,
                         const CustomRules* custom = nullptr) {
  const Rule* r = find_rule(id_or_name, custom);
  return r ? std::string(r->info.id) : "unknown rule " + std::string(id_or_name);
}

// (line, rule id) pairs the file expects under `marker` ("# expect:" for
// reported findings, "# expect-suppressed:" for ones an exception accepts).
std::multiset<std::pair<std::uint32_t, std::string>> expectations(
    const std::string& text, std::string_view marker = "# expect:",
    const CustomRules* custom = nullptr) {
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
    std::size_t at = line.find(marker);
    std::vector<std::string> ids;
    if (at != std::string::npos) {
      std::string list = line.substr(at + marker.size());
      std::replace(list.begin(), list.end(), ',', ' ');
      std::stringstream ls(list);
      for (std::string id; ls >> id;) ids.push_back(canonical_id(id, custom));
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

fs::path rules_root() {
  return fs::path(LAUNCHLINT_SOURCE_DIR) / "testdata" / "rules";
}

// The config the CLI would find for `file`, without leaving testdata/rules.
std::string test_config(const fs::path& file) {
  for (fs::path dir = file.parent_path();; dir = dir.parent_path()) {
    fs::path candidate = dir / ".launchlint.yaml";
    if (fs::exists(candidate)) return candidate.string();
    if (dir == rules_root() || dir == dir.parent_path()) return {};
  }
}

// Rule ids the file is about: see the comment at the top.
std::set<std::string> scope(const fs::path& file, const std::string& text,
                            const CustomRules* custom) {
  std::set<std::string> out;
  if (const Rule* r = find_rule(file.parent_path().filename().string(), custom))
    out.insert(std::string(r->info.id));
  for (std::string_view marker : {"# expect:", "# expect-suppressed:"}) {
    for (const auto& e : expectations(text, marker, custom))
      out.insert(e.second);
  }
  std::stringstream ss(text);
  for (std::string line; std::getline(ss, line);) {
    std::size_t at = line.find("# check:");
    if (at == std::string::npos) continue;
    std::string list = line.substr(at + 8);
    std::replace(list.begin(), list.end(), ',', ' ');
    std::stringstream ls(list);
    for (std::string id; ls >> id;) out.insert(canonical_id(id, custom));
  }
  return out;
}

// Chart folders under testdata/rules: rendered with helm, not read as YAML.
std::vector<fs::path> rule_test_charts() {
  std::vector<fs::path> charts;
  for (const auto& e : fs::recursive_directory_iterator(rules_root())) {
    if (e.is_directory() && fs::exists(e.path() / "Chart.yaml"))
      charts.push_back(e.path());
  }
  std::sort(charts.begin(), charts.end());
  return charts;
}

bool in_chart(const fs::path& file) {
  for (fs::path p = file.parent_path(); p != rules_root() && p.has_relative_path();
       p = p.parent_path()) {
    if (fs::exists(p / "Chart.yaml")) return true;
  }
  return false;
}

std::vector<fs::path> rule_test_files() {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(rules_root())) {
    if (e.is_regular_file() && e.path().extension() == ".yaml" &&
        !in_chart(e.path()))
      files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Every file of a chart, for its `# expect:` comments.
std::vector<fs::path> chart_files(const fs::path& chart) {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(chart))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

LintOptions chart_options() {
  LintOptions options;
  options.render.helm = test_helm();
  REQUIRE_MESSAGE(!options.render.helm.empty(),
                  "helm is missing: run scripts/setup.sh --test");
  return options;
}

}  // namespace

TEST_CASE("annotated rule tests") {
  std::vector<fs::path> files = rule_test_files();
  REQUIRE(!files.empty());
  for (const fs::path& file : files) {
    std::string text = read_file(file);
    std::string name = fs::relative(file, LAUNCHLINT_SOURCE_DIR).string();
    LintOptions options;
    Config config;
    std::string config_path = test_config(file);
    if (!config_path.empty()) {
      std::vector<ConfigError> errors;
      REQUIRE_MESSAGE(load_config(config_path, &config, &errors), config_path);
      apply_config(config, &options.settings);
      options.config = &config;
    }
    LintRun run = lint_texts({{name, text}}, options);
    const CustomRules* custom = config.custom_rules.get();
    std::set<std::string> in_scope = scope(file, text, custom);
    std::erase_if(run.findings, [&](const Finding& f) {
      return !in_scope.count(std::string(f.rule->id));
    });
    std::string problems;
    for (bool suppressed : {false, true}) {
      std::multiset<std::pair<std::uint32_t, std::string>> got;
      for (const Finding& f : run.findings) {
        if (f.suppressed == suppressed)
          got.emplace(f.location.line, std::string(f.rule->id));
      }
      auto want = expectations(
          text, suppressed ? "# expect-suppressed:" : "# expect:", custom);
      std::string_view what = suppressed ? "suppressed " : "";
      for (const auto& w : want) {
        std::string line = fmt::format("{}:{}: expected {}{}", name, w.first,
                                       what, w.second);
        if (got.count(w) < want.count(w) &&
            problems.find(line) == std::string::npos)
          problems += line + " (not reported)\n";
      }
      for (const Finding& f : run.findings) {
        if (f.suppressed != suppressed) continue;
        std::pair<std::uint32_t, std::string> key{f.location.line,
                                                  std::string(f.rule->id)};
        if (got.count(key) > want.count(key)) {
          problems += fmt::format("{}:{}:{}: unexpected {}{}: {}\n", name,
                                  f.location.line, f.location.column, what,
                                  f.rule->id, f.message);
        }
      }
    }
    INFO(problems);
    CHECK_MESSAGE(problems.empty(), name);
  }
}

TEST_CASE("annotated chart rule tests") {
  // Findings of a rendered chart land in its templates and values files: the
  // `# expect:` comments there say which, at which line.
  std::vector<fs::path> charts = rule_test_charts();
  REQUIRE(!charts.empty());
  LintOptions options = chart_options();
  for (const fs::path& chart : charts) {
    LintRun run = lint_paths({chart.string()}, options);
    std::multiset<std::tuple<std::string, std::uint32_t, std::string>> want, got;
    for (const fs::path& file : chart_files(chart)) {
      for (const auto& [line, id] : expectations(read_file(file)))
        want.emplace(fs::relative(file, LAUNCHLINT_SOURCE_DIR).string(), line, id);
    }
    for (const Finding& f : run.findings) {
      got.emplace(fs::relative(std::string(f.location.file_name()),
                               LAUNCHLINT_SOURCE_DIR)
                      .string(),
                  f.location.line, std::string(f.rule->id));
    }
    std::string problems;
    for (const InputError& e : run.errors)
      problems += fmt::format("{}: {}\n", e.path, e.message);
    for (const auto& [file, line, id] : want)
      if (!got.count({file, line, id}))
        problems += fmt::format("{}:{}: expected {} (not reported)\n", file, line, id);
    for (const auto& [file, line, id] : got)
      if (!want.count({file, line, id}))
        problems += fmt::format("{}:{}: unexpected {}\n", file, line, id);
    INFO(problems);
    CHECK_MESSAGE(problems.empty(), chart.string());
  }
}

TEST_CASE("every rule has a complete doc, and testdata that expects it") {
  std::set<std::string> expected_somewhere;
  for (const fs::path& file : rule_test_files()) {
    for (const auto& e : expectations(read_file(file)))
      expected_somewhere.insert(e.second);
  }
  for (const fs::path& chart : rule_test_charts()) {
    for (const fs::path& file : chart_files(chart))
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
    // Rules that need a setting show it in a ```yaml .launchlint.yaml block.
    LintOptions options;
    Config config;
    std::string config_text = doc_config_block(doc, "Example");
    if (!config_text.empty()) {
      std::vector<ConfigError> errors;
      REQUIRE(load_config_text("doc.launchlint.yaml", config_text, &config,
                               &errors));
      apply_config(config, &options.settings);
    }
    auto count = [&](const std::string& text) {
      LintRun run = lint_texts({{"doc.yaml", text}}, options);
      return std::count_if(run.findings.begin(), run.findings.end(),
                           [&](const Finding& f) { return f.rule == &info; });
    };
    if (info.name == "helm-template-error") {
      // Its Example is a chart template and its Use instead the values that
      // let it render: render them as a chart.
      fs::path chart = fs::temp_directory_path() /
                       fmt::format("launchlint-doc-chart-{}", ::getpid());
      fs::create_directories(chart / "templates");
      std::ofstream(chart / "Chart.yaml") << "apiVersion: v2\nname: doc\nversion: 0.1.0\n";
      std::ofstream(chart / "templates" / "example.yaml") << bad;
      auto render_count = [&] {
        LintRun run = lint_paths({chart.string()}, chart_options());
        return std::count_if(run.findings.begin(), run.findings.end(),
                             [&](const Finding& f) { return f.rule == &info; });
      };
      CHECK(render_count() > 0);
      std::ofstream(chart / "values.yaml") << good;
      CHECK(render_count() == 0);
      fs::remove_all(chart);
      continue;
    }
    CHECK(count(bad) > 0);
    CHECK(count(good) == 0);
  }
}

}  // namespace launchlint

namespace launchlint {

TEST_CASE("custom rules under testdata/rules: complete docs, and testdata") {
  std::size_t checked = 0;
  for (const auto& e : fs::recursive_directory_iterator(rules_root())) {
    if (e.path().filename() != ".launchlint.yaml") continue;
    Config config;
    std::vector<ConfigError> errors;
    REQUIRE_MESSAGE(load_config(e.path().string(), &config, &errors),
                    e.path().string());
    if (!config.custom_rules) continue;
    std::set<std::string> expected;
    for (const auto& f : fs::recursive_directory_iterator(e.path().parent_path())) {
      if (f.path().extension() != ".yaml") continue;
      for (const char* marker : {"# expect:", "# expect-suppressed:"}) {
        for (const auto& x : expectations(read_file(f.path()), marker,
                                          config.custom_rules.get()))
          expected.insert(x.second);
      }
    }
    for (const CustomRule& rule : config.custom_rules->rules) {
      INFO(e.path().string() << ": " << rule.id);
      std::string_view doc = doc_of(rule.rule.info);
      CHECK(doc.starts_with(fmt::format("# {} ({})\n", rule.name, rule.id)));
      for (std::string_view heading :
           {"What it does", "Why it matters", "Example", "Use instead",
            "Exceptions", "References"})
        CHECK_MESSAGE(!doc_section(doc, heading).empty(), heading);
      // Turned off in its config: there is nothing to expect.
      if (!rule_setting(config, rule.rule.info).enabled) continue;
      CHECK_MESSAGE(expected.count(rule.id), "no testdata expects this rule");
      ++checked;
    }
  }
  CHECK(checked >= 12);
}

TEST_CASE("the README's custom rules are the readme fixture's config") {
  std::string readme =
      read_file(fs::path(LAUNCHLINT_SOURCE_DIR) / "README.md");
  std::size_t section = readme.find("### Custom rules");
  REQUIRE(section != std::string::npos);
  std::size_t open = readme.find("```yaml\n", section);
  REQUIRE(open != std::string::npos);
  open += 8;
  std::size_t close = readme.find("```", open);
  REQUIRE(close != std::string::npos);
  std::string block = readme.substr(open, close - open);
  REQUIRE(block.starts_with("customRules:\n"));
  std::string config =
      read_file(rules_root() / "custom-rules" / "readme" / ".launchlint.yaml");
  std::string marker = "# README example:\n";
  std::size_t at = config.find(marker);
  REQUIRE(at != std::string::npos);
  CHECK(config.substr(at + marker.size()) == block);
}

}  // namespace launchlint
