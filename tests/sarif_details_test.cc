// SARIF details GitHub code scanning depends on: fingerprints that follow a
// finding when unrelated lines move, and columns in UTF-16 code units.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include <rapidjson/document.h>

#include "linter/output/columns.h"
#include "tests/output_test_support.h"

namespace launchlint {

namespace {

using testing::lint_in_memory;

constexpr std::string_view kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: NAME
  namespace: llm
spec:
  selector: {matchLabels: {app: vllm}}
  template:
    metadata: {labels: {app: vllm}}
    spec:
      containers:
      - name: vllm
        image: vllm/vllm-openai:latest
        readinessProbe: {httpGet: {path: /health, port: 8000}}
        resources: {requests: {cpu: "8", memory: 32Gi}}
        securityContext: {privileged: true}
)";

std::string deployment(std::string_view name) {
  std::string text(kDeployment);
  text.replace(text.find("NAME"), 4, name);
  return text;
}

// ruleId -> fingerprints, in result order.
std::multimap<std::string, std::string> fingerprints(const std::string& text) {
  testing::Linted linted = lint_in_memory({{"deploy/vllm.yaml", text}});
  rapidjson::Document doc;
  doc.Parse(linted.sarif().c_str());
  REQUIRE_FALSE(doc.HasParseError());
  std::multimap<std::string, std::string> out;
  for (const auto& r : doc["runs"][0]["results"].GetArray()) {
    out.emplace(r["ruleId"].GetString(),
                r["partialFingerprints"]["launchlint/v1"].GetString());
  }
  return out;
}

std::string only(const std::multimap<std::string, std::string>& fps,
                 const std::string& rule) {
  REQUIRE(fps.count(rule) == 1);
  return fps.find(rule)->second;
}

// SARIF (line, startColumn) of every result's primary location.
std::vector<std::pair<unsigned, unsigned>> sarif_positions(
    const testing::Linted& linted) {
  rapidjson::Document doc;
  doc.Parse(linted.sarif().c_str());
  REQUIRE_FALSE(doc.HasParseError());
  CHECK(std::string(doc["runs"][0]["columnKind"].GetString()) ==
        "utf16CodeUnits");
  std::vector<std::pair<unsigned, unsigned>> out;
  for (const auto& r : doc["runs"][0]["results"].GetArray()) {
    const auto& region = r["locations"][0]["physicalLocation"]["region"];
    out.emplace_back(region["startLine"].GetUint(),
                     region["startColumn"].GetUint());
  }
  return out;
}

}  // namespace

TEST_CASE("partialFingerprints stay when unrelated lines move") {
  std::string base = deployment("vllm");
  std::string fp = only(fingerprints(base), "ROL001");

  // Lines inserted above the object.
  std::string moved = "# a comment\n\n# another\n" + base;
  CHECK(only(fingerprints(moved), "ROL001") == fp);

  // Another object before it in the same file, and an unrelated field.
  std::string other = deployment("other");
  other.replace(other.find("latest"), 6, "v0.11.0");
  std::string shifted = base;
  shifted.replace(shifted.find("  namespace: llm\n"), 17,
                  "  namespace: llm\n  labels: {team: ml}\n");
  auto two = fingerprints(other + "---\n" + shifted);
  CHECK(only(two, "ROL001") == fp);

  // The apiVersion's version is not part of the identity; the object is.
  std::string beta = base;
  beta.replace(0, 19, "apiVersion: apps/v1beta2");
  CHECK(only(fingerprints(beta), "ROL001") == fp);
  CHECK(only(fingerprints(deployment("vllm-2")), "ROL001") != fp);
  std::string other_ns = base;
  other_ns.replace(other_ns.find("namespace: llm"), 14, "namespace: prod");
  CHECK(only(fingerprints(other_ns), "ROL001") != fp);
  // Another rule on the same object differs.
  CHECK(fp.substr(0, 16) != only(fingerprints(base), "SEC001").substr(0, 16));
}

TEST_CASE("partialFingerprints of findings about a file ignore line numbers") {
  std::string dup = "a: 1\nb: 2\na: 3\n";
  std::string fp = only(fingerprints(dup), "GEN002");
  CHECK(only(fingerprints("# header\n\n" + dup), "GEN002") == fp);
  CHECK(only(fingerprints("b: 2\nc: 1\nc: 3\n"), "GEN002") != fp);
  // Two findings that hash alike are told apart by their order.
  auto twice = fingerprints("a: 1\na: 2\n---\na: 1\na: 2\n");
  REQUIRE(twice.count("GEN002") == 2);
  auto it = twice.find("GEN002");
  std::string first = it->second, second = std::next(it)->second;
  CHECK(first.ends_with(":1"));
  CHECK(second.ends_with(":2"));
  CHECK(first.substr(0, 16) == second.substr(0, 16));
}

TEST_CASE("utf16_column converts byte columns") {
  // "é" is 2 bytes and 1 unit, "€" 3 bytes and 1 unit, "😀" 4 bytes and 2.
  std::string line = "é€😀: x";
  CHECK(utf16_column(line, 1) == 1);
  CHECK(utf16_column(line, 3) == 2);   // after é
  CHECK(utf16_column(line, 6) == 3);   // after €
  CHECK(utf16_column(line, 10) == 5);  // after 😀
  CHECK(utf16_column(line, 12) == 7);  // the x
  CHECK(utf16_column(line, 14) == 9);  // past the end: same distance
  CHECK(utf16_column("plain: x", 8) == 8);
}

TEST_CASE("columns: yaml-cpp counts bytes; SARIF counts UTF-16 code units") {
  // Line 8: the image value comes after a name of 3 non-ASCII characters
  // (ü 2 bytes, € 3 bytes, 😀 4 bytes: 9 bytes, 4 UTF-16 units).
  std::string text =
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n"
      "spec:\n  containers:\n  - name: app\n"
      "  - {name: \"ü€😀\", image: \"nginx:latest\", readinessProbe: {exec: "
      "{command: [x]}}, resources: {requests: {cpu: 1, memory: 1Gi}}}\n";
  testing::Linted linted = lint_in_memory({{"pod.yaml", text}});
  const Finding* image = nullptr;
  for (const Finding& f : linted.run.findings) {
    if (f.rule->id == "ROL001" && f.location.line == 8) image = &f;
  }
  REQUIRE(image != nullptr);
  std::string_view line8 = "  - {name: \"ü€😀\", image: ";
  // The finding's own column counts bytes: 1 + the bytes before the value.
  CHECK(image->location.column == line8.size() + 1);
  std::string text_out = linted.text();
  CHECK(text_out.find(fmt::format("pod.yaml:8:{}: error:", line8.size() + 1)) !=
        std::string::npos);
  bool found = false;
  for (auto [line, column] : sarif_positions(linted)) {
    if (line != 8) continue;
    // 12 ASCII characters, 4 units, then `", image: ` (10): column 27.
    CHECK(column == 27);
    found = true;
  }
  CHECK(found);
  // An ASCII line keeps its column.
  std::vector<std::uint32_t> byte_columns, sarif_columns;
  for (const Finding& f : linted.run.findings) {
    if (f.location.line == 7) byte_columns.push_back(f.location.column);
  }
  for (auto [line, column] : sarif_positions(linted)) {
    if (line == 7) sarif_columns.push_back(column);
  }
  CHECK(!byte_columns.empty());
  CHECK(sarif_columns == byte_columns);
}

TEST_CASE("columns: SARIF reads non-ASCII lines of files on disk") {
  testing::fs::path dir =
      testing::fs::temp_directory_path() / "launchlint-columns-test";
  testing::fs::create_directories(dir);
  testing::fs::path file = dir / "pod.yaml";
  {
    std::ofstream out(file, std::ios::binary);
    out << "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n"
           "  containers:\n  - {name: \"€\", image: \"x:latest\", "
           "readinessProbe: {exec: {command: [x]}}, resources: {requests: "
           "{cpu: 1, memory: 1Gi}}}\r\n";
  }
  LintOptions pinned;
  pinned.config = &testing::pinned_rules();
  LintRun run = lint_paths({file.string()}, pinned);
  auto image =
      std::find_if(run.findings.begin(), run.findings.end(),
                   [](const Finding& f) { return f.rule->id == "ROL001"; });
  REQUIRE(image != run.findings.end());
  CHECK(image->location.line == 6);
  CHECK(image->location.column == 26);  // bytes
  std::ostringstream sarif;
  SarifOptions options;
  write_sarif(sarif, Report{run.findings, run.model.stats, builtin_rules(), 1},
              options);
  CHECK(sarif.str().find("\"startLine\":6,\"startColumn\":24") !=
        std::string::npos);
  testing::fs::remove_all(dir);
}

TEST_CASE("invalid UTF-8 is reported at its byte column") {
  testing::Linted linted = lint_in_memory({{"bad.yaml", "a: \"é\xff\"\n"}});
  REQUIRE(linted.run.findings.size() == 1);
  CHECK(linted.run.findings[0].rule->id == "GEN001");
  CHECK(linted.run.findings[0].location.column == 7);  // a: "é = 6 bytes
}

}  // namespace launchlint
