// JSON and SARIF output against their schemas (rapidjson's draft-04
// SchemaValidator), the SARIF rule metadata GitHub code scanning reads, and
// the schemas' power to reject broken documents.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <set>

#include <fmt/format.h>

#include <rapidjson/document.h>
#include <rapidjson/pointer.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "linter/rules/doc_sections.h"
#include "tests/output_test_support.h"
#include "tests/tools/schema_check.h"

namespace launchlint {

namespace {

using testing::lint_fixtures;
using testing::lint_in_memory;
using testing::read_file;
using testing::source_path;

std::string json_schema() {
  return read_file(source_path("schemas/launchlint-output.schema.json"));
}

std::string sarif_schema() {
  return read_file(source_path("schemas/sarif-schema-2.1.0.json"));
}

rapidjson::Document parse(const std::string& text) {
  rapidjson::Document doc;
  doc.Parse(text.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  return doc;
}

std::string dump(const rapidjson::Value& v) {
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> w(sb);
  v.Accept(w);
  return sb.GetString();
}

// A copy of `text` with `pointer` set to `value` (a JSON text), or removed
// when `value` is empty.
std::string edited(const std::string& text, const char* pointer,
                   const std::string& value) {
  rapidjson::Document doc = parse(text);
  if (value.empty()) {
    REQUIRE(rapidjson::Pointer(pointer).Erase(doc));
  } else {
    rapidjson::Document v(&doc.GetAllocator());
    v.Parse(value.c_str());
    REQUIRE_FALSE(v.HasParseError());
    rapidjson::Pointer(pointer).Set(doc, v);
  }
  return dump(doc);
}

// Every annotated rule test plus the output fixtures: every rule fires.
testing::Linted lint_everything() {
  std::vector<InMemoryFile> files = testing::fixture_files("testdata/outputs");
  for (InMemoryFile& f : testing::fixture_files("testdata/rules"))
    files.push_back(std::move(f));
  return lint_in_memory(std::move(files));
}

// A finding built by hand: suppressed, with a related location in another
// file, as suppression comments and cross-object rules will produce.
Finding suppressed_finding(const testing::Linted& linted) {
  REQUIRE(!linted.run.findings.empty());
  Finding f = linted.run.findings.back();
  f.rule = &find_rule("privileged-container")->info;
  f.severity = Severity::Error;
  f.object = {"apps/v1", "DaemonSet", "kube-system", "gpu-agent"};
  f.message = "container \"agent\" runs privileged";
  f.related.push_back({f.location, "the other object"});
  f.suppressed = true;
  f.suppression_reason = "the device plugin needs it";
  return f;
}

}  // namespace

TEST_CASE(
    "JSON output is valid against schemas/launchlint-output.schema.json") {
  testing::Linted linted = lint_everything();
  linted.run.findings.push_back(suppressed_finding(linted));
  std::string json = linted.json();
  CHECK(schema_errors(json_schema(), json) == "");

  // The fixtures exercise what the schema allows: a finding without object,
  // related locations, Helm sources and a suppressed finding.
  rapidjson::Document doc = parse(json);
  bool null_object = false, related = false, helm = false, suppressed = false;
  for (const auto& f : doc["findings"].GetArray()) {
    null_object |= f["object"].IsNull();
    related |= !f["related"].Empty();
    helm |= f.HasMember("helmSource");
    suppressed |= f["suppressed"].GetBool();
  }
  CHECK(null_object);
  CHECK(related);
  CHECK(helm);
  CHECK(suppressed);
  unsigned suppressed_count = 0;
  for (const auto& f : doc["findings"].GetArray())
    suppressed_count += f["suppressed"].GetBool();
  CHECK(suppressed_count >= 1);
  CHECK(doc["summary"]["suppressed"].GetUint() == suppressed_count);

  // An empty run is valid too, and so is one with unreadable inputs.
  testing::Linted empty = lint_in_memory({});
  CHECK(schema_errors(json_schema(), empty.json()) == "");
  empty.run.errors.push_back({"gone.yaml", "no such file or folder"});
  std::string with_errors = empty.json();
  CHECK(schema_errors(json_schema(), with_errors) == "");
  CHECK(with_errors.find("\"errors\":[{\"path\":\"gone.yaml\",\"message\":"
                         "\"no such file or folder\"}]") != std::string::npos);
  CHECK(schema_errors(json_schema(),
                      edited(with_errors, "/errors/0/message", "")) != "");
}

TEST_CASE("the JSON schema rejects broken output") {
  std::string json = lint_fixtures().json();
  REQUIRE(schema_errors(json_schema(), json) == "");
  struct Case {
    const char* pointer;
    std::string value;
  };
  for (const Case& c : std::vector<Case>{
           {"/summary", ""},
           {"/tool/name", "\"other\""},
           {"/findings/0/severity", "\"fatal\""},
           {"/findings/0/area", "\"networking\""},
           {"/findings/0/rule", "\"sec1\""},
           {"/findings/0/location/line", "0"},
           {"/findings/0/location/column", "\"3\""},
           {"/findings/0/suppressed", ""},
           {"/findings/0/related", ""},
           {"/findings/1/object/kind", ""},
           {"/findings/1/object/namespace", "null"},
           {"/findings/5/related/0/message", ""},
           {"/summary/warning", "-1"},
       }) {
    INFO(c.pointer, " = ", c.value);
    CHECK(schema_errors(json_schema(), edited(json, c.pointer, c.value)) != "");
  }
  CHECK(schema_errors(json_schema(), "{\"tool\": ") != "");
}

TEST_CASE("review JSON: workloads and decision as issue 5 lists them") {
  auto reviewed = testing::review_fixture();
  std::string json = reviewed->json();
  REQUIRE(schema_errors(json_schema(), json) == "");
  rapidjson::Document doc = parse(json);
  const auto& w = doc["workloads"][0];
  for (const char* key : {"apiVersion", "kind", "namespace", "name"})
    CHECK(w[key].IsString());
  CHECK(std::string(w["areas"]["scheduling"].GetString()) == "warn");
  CHECK(std::string(w["owners"]["rollback"].GetString()) == "team-llm");
  CHECK(std::string(w["owners"]["slo"].GetString()) == "team-llm-sre");
  CHECK(w["cost"]["hourlyMax"].GetDouble() >
        w["cost"]["hourlyMin"].GetDouble());
  const auto& d = doc["decision"];
  CHECK(std::string(d["verdict"].GetString()) == "block");
  CHECK(std::string(d["primaryRisk"]["rule"].GetString()) == "ROL001");
  const auto& e = d["acceptedExceptions"][0];
  CHECK(std::string(e["rule"].GetString()) == "ROL001");
  CHECK(std::string(e["object"]["name"].GetString()) == "chat");
  CHECK(std::string(e["owner"].GetString()) == "team-llm");
  CHECK(std::string(e["expires"].GetString()) == "2026-12-31");
  CHECK(std::string(d["reviewDate"].GetString()) == "2026-12-31");
  std::size_t suppressed = 0;
  for (const auto& f : doc["findings"].GetArray()) {
    if (!f["suppressed"].GetBool()) continue;
    ++suppressed;
    CHECK(f["suppressionReason"].GetStringLength() > 0);
  }
  CHECK(suppressed == 2);

  // Each key the issue lists is required, with its values.
  struct Case {
    const char* pointer;
    std::string value;
  };
  for (const Case& c : std::vector<Case>{
           {"/workloads/0/apiVersion", ""},
           {"/workloads/0/kind", ""},
           {"/workloads/0/namespace", ""},
           {"/workloads/0/name", ""},
           {"/workloads/0/areas/security", ""},
           {"/workloads/0/areas/scheduling", "\"ok\""},
           {"/workloads/0/areas/rollout", ""},
           {"/workloads/0/areas/observability", ""},
           {"/workloads/0/areas/cost", ""},
           {"/workloads/0/owners/rollback", ""},
           {"/workloads/0/owners/slo", ""},
           {"/decision/verdict", "\"approve with conditions\""},
           {"/decision/primaryRisk", ""},
           {"/decision/primaryRisk/rule", ""},
           {"/decision/acceptedExceptions", ""},
           {"/decision/acceptedExceptions/0/rule", ""},
           {"/decision/acceptedExceptions/0/object", ""},
           {"/decision/acceptedExceptions/0/reason", ""},
           {"/decision/acceptedExceptions/0/owner", ""},
           {"/decision/acceptedExceptions/0/expires", "\"31/12/2026\""},
           {"/decision/rollbackOwner", ""},
           {"/decision/sloOwner", ""},
           {"/decision/reviewDate", "\"soon\""},
       }) {
    INFO(c.pointer, " = ", c.value);
    CHECK(schema_errors(json_schema(), edited(json, c.pointer, c.value)) != "");
  }
}

TEST_CASE("SARIF output is valid against the SARIF 2.1.0 schema") {
  testing::Linted linted = lint_everything();
  linted.run.findings.push_back(suppressed_finding(linted));
  std::string sarif = linted.sarif();
  CHECK(schema_errors(sarif_schema(), sarif) == "");
  rapidjson::Document doc = parse(sarif);
  bool suppressions = false, related = false;
  for (const auto& r : doc["runs"][0]["results"].GetArray()) {
    suppressions |= r.HasMember("suppressions");
    related |= r.HasMember("relatedLocations");
  }
  CHECK(suppressions);
  CHECK(related);
  CHECK(doc["runs"][0]["invocations"][0]["executionSuccessful"].GetBool());

  // Unreadable inputs become error notifications of a failed invocation.
  linted.run.errors.push_back({"sub dir/gone.yaml", "no such file or folder"});
  std::string failed = linted.sarif();
  CHECK(schema_errors(sarif_schema(), failed) == "");
  rapidjson::Document failed_doc = parse(failed);
  const auto& invocation = failed_doc["runs"][0]["invocations"][0];
  CHECK_FALSE(invocation["executionSuccessful"].GetBool());
  const auto& note = invocation["toolExecutionNotifications"][0];
  CHECK(std::string(note["level"].GetString()) == "error");
  CHECK(std::string(note["message"]["text"].GetString()) ==
        "sub dir/gone.yaml: no such file or folder");
  CHECK(std::string(
            note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .GetString()) == "sub%20dir/gone.yaml");

  std::ostringstream categorized;
  SarifOptions options;
  options.category = "launchlint/prod";
  write_sarif(categorized, linted.report(), options);
  CHECK(schema_errors(sarif_schema(), categorized.str()) == "");
  CHECK(categorized.str().find("\"automationDetails\":{\"id\":"
                               "\"launchlint/prod/\"}") != std::string::npos);
}

TEST_CASE("SARIF with suppressed and related findings passes the multitool") {
  testing::Linted linted = lint_fixtures();
  linted.run.findings.push_back(suppressed_finding(linted));
  testing::fs::path dir = testing::fs::temp_directory_path() /
                          fmt::format("launchlint-sarif-{}", ::getpid());
  testing::fs::create_directories(dir);
  testing::fs::path file = dir / "suppressed.sarif";
  {
    std::ofstream out(file, std::ios::binary);
    out << linted.sarif();
  }
  std::string command = fmt::format(
      "JSON_SCHEMA_CHECK='{}' '{}' '{}' >'{}' 2>&1", LAUNCHLINT_SCHEMA_CHECK,
      source_path("scripts/validate_sarif.sh").string(), file.string(),
      (dir / "log").string());
  int status = std::system(command.c_str());
  INFO(read_file(dir / "log"));
  CHECK(status == 0);
  testing::fs::remove_all(dir);
}

TEST_CASE("the SARIF schema rejects broken SARIF") {
  std::string sarif = lint_fixtures().sarif();
  REQUIRE(schema_errors(sarif_schema(), sarif) == "");
  struct Case {
    const char* pointer;
    std::string value;
  };
  for (const Case& c : std::vector<Case>{
           {"/version", "\"2.0.0\""},
           {"/runs/0/tool", ""},
           // The bug the first SARIF writer had: a tag twice.
           {"/runs/0/tool/driver/rules/0/properties/tags",
            "[\"general\", \"general\"]"},
           {"/runs/0/results/0/message", ""},
           {"/runs/0/results/0/level", "\"fatal\""},
           {"/runs/0/results/0/locations/0/physicalLocation/region/startLine",
            "0"},
           {"/runs/0/columnKind", "\"bytes\""},
       }) {
    INFO(c.pointer, " = ", c.value);
    CHECK(schema_errors(sarif_schema(), edited(sarif, c.pointer, c.value)) !=
          "");
  }
}

TEST_CASE("SARIF rules carry what GitHub code scanning shows") {
  rapidjson::Document doc = parse(lint_fixtures().sarif());
  const auto& driver = doc["runs"][0]["tool"]["driver"];
  CHECK(std::string(driver["name"].GetString()) == "launchlint");
  const auto& rules = driver["rules"];
  REQUIRE(rules.Size() == builtin_rules().size());
  for (rapidjson::SizeType i = 0; i < rules.Size(); ++i) {
    const RuleInfo& info = builtin_rules()[i]->info;
    const auto& r = rules[i];
    INFO(info.name);
    CHECK(std::string(r["id"].GetString()) == info.id);
    CHECK(std::string(r["shortDescription"]["text"].GetString()) ==
          info.summary);
    std::string doc_text(rule_doc(info.name));
    // The doc's "What it does", with the hard-wrapped lines of each
    // paragraph joined: the same words, and no line break inside a sentence.
    auto words = [](std::string_view text) {
      std::string out;
      for (char c : text) {
        bool space = c == ' ' || c == '\n';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out.push_back(space ? ' ' : c);
      }
      return out;
    };
    std::string full = r["fullDescription"]["text"].GetString();
    CHECK(words(full) == words(doc_section(doc_text, "What it does")));
    for (std::size_t at = full.find('\n'); at != std::string::npos;
         at = full.find('\n', at + 1)) {
      std::string_view rest = std::string_view(full).substr(at + 1);
      bool paragraph =
          rest.starts_with('\n') || (at > 0 && full[at - 1] == '\n');
      bool block = rest.starts_with("- ") || rest.starts_with("* ") ||
                   rest.starts_with("| ") || rest.starts_with("```") ||
                   rest.starts_with("#") ||
                   (!rest.empty() && rest[0] >= '0' && rest[0] <= '9');
      CHECK_MESSAGE((paragraph || block), full.substr(0, at + 1));
    }
    CHECK(std::string(r["help"]["markdown"].GetString()) == doc_text);
    CHECK(std::string(r["help"]["text"].GetString()) == doc_text);
    std::string uri = r["helpUri"].GetString();
    CHECK(uri.starts_with("https://"));
    CHECK(uri.ends_with(
        fmt::format("rules/{}/{}.md", to_string(info.area), info.name)));
    std::string level = r["defaultConfiguration"]["level"].GetString();
    CHECK(level == (info.severity == Severity::Error     ? "error"
                    : info.severity == Severity::Warning ? "warning"
                                                         : "note"));
    const auto& props = r["properties"];
    std::set<std::string> tags;
    for (const auto& t : props["tags"].GetArray()) {
      CHECK(tags.insert(t.GetString()).second);
    }
    CHECK(tags.count(std::string(to_string(info.area))) == 1);
    if (info.area == Area::Security) {
      REQUIRE(props.HasMember("security-severity"));
      double score = std::stod(props["security-severity"].GetString());
      CHECK(score > 0.0);
      CHECK(score <= 10.0);
    } else {
      CHECK_FALSE(props.HasMember("security-severity"));
    }
  }
}

TEST_CASE(
    "SARIF locations: relative URIs under %SRCROOT%, regions, logical "
    "locations") {
  testing::Linted linted = lint_fixtures();
  rapidjson::Document doc = parse(linted.sarif());
  const auto& run = doc["runs"][0];
  CHECK(
      std::string(run["originalUriBaseIds"]["%SRCROOT%"]["uri"].GetString()) ==
      "file:///src/launchlint/");
  std::set<std::string> uris;
  for (const auto& r : run["results"].GetArray()) {
    const auto& loc = r["locations"][0]["physicalLocation"];
    uris.insert(loc["artifactLocation"]["uri"].GetString());
    CHECK(std::string(loc["artifactLocation"]["uriBaseId"].GetString()) ==
          "%SRCROOT%");
    CHECK(loc["region"]["startLine"].GetUint() >= 1);
    CHECK(loc["region"]["startColumn"].GetUint() >= 1);
    CHECK(std::string(r["partialFingerprints"]["launchlint/v1"].GetString())
              .size() > 16);
  }
  CHECK(uris ==
        std::set<std::string>{"testdata/outputs/nested/deeper/duplicate.yml",
                              "testdata/outputs/serving.yaml",
                              "testdata/outputs/sub%20dir/broken%20file.yaml"});
  // A file outside %SRCROOT% keeps an absolute file URI; stdin has a name.
  testing::Linted outside =
      lint_in_memory({{"/elsewhere/a b.yaml",
                       "apiVersion: v1\nkind: Pod\nmetadata: {name: "
                       "p}\nspec: {containers: [{name: c, image: x}]}\n"},
                      {"<stdin>", "a: [\n"}});
  rapidjson::Document other = parse(outside.sarif());
  std::set<std::string> other_uris;
  for (const auto& r : other["runs"][0]["results"].GetArray()) {
    const auto& art = r["locations"][0]["physicalLocation"]["artifactLocation"];
    other_uris.insert(std::string(art["uri"].GetString()) +
                      (art.HasMember("uriBaseId") ? " relative" : ""));
  }
  CHECK(other_uris == std::set<std::string>{"file:///elsewhere/a%20b.yaml",
                                            "stdin relative"});
  CHECK(schema_errors(sarif_schema(), outside.sarif()) == "");
}

}  // namespace launchlint
