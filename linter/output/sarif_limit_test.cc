#include <fstream>
#include <sstream>

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/istreamwrapper.h>
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <rapidjson/schema.h>
#pragma GCC diagnostic pop
#include <rapidjson/stringbuffer.h>

#include "linter/lint/lint.h"
#include "linter/output/report.h"
#include "linter/rules/registry.h"

namespace launchlint {

namespace {

bool valid_sarif(const rapidjson::Document& sarif, std::string* error) {
  std::ifstream in(LAUNCHLINT_SOURCE_DIR "/schemas/sarif-schema-2.1.0.json");
  rapidjson::IStreamWrapper is(in);
  rapidjson::Document schema_doc;
  schema_doc.ParseStream(is);
  if (schema_doc.HasParseError()) {
    *error = "schema does not parse";
    return false;
  }
  rapidjson::SchemaDocument schema(schema_doc);
  rapidjson::SchemaValidator validator(schema);
  if (sarif.Accept(validator)) return true;
  rapidjson::StringBuffer where;
  validator.GetInvalidDocumentPointer().StringifyUriFragment(where);
  *error = fmt::format("{} at {}", validator.GetInvalidSchemaKeyword(),
                       where.GetString());
  return false;
}

}  // namespace

TEST_CASE("sarif: more than 25,000 findings are capped with a notification") {
  // 3,000 Deployments of 3 containers: an unpinned image (error) and no
  // readiness probe or requests (warnings) each.
  std::string text;
  for (int d = 0; d < 3000; ++d) {
    text += fmt::format(
        "---\napiVersion: apps/v1\nkind: Deployment\n"
        "metadata: {{name: d{}, namespace: llm}}\n"
        "spec:\n  template:\n    spec:\n      containers:\n",
        d);
    for (int i = 0; i < 3; ++i) {
      text += fmt::format(
          "      - name: c{}\n        image: vllm/vllm-openai:latest\n", i);
    }
  }
  LintRun run = lint_texts({{"huge.yaml", text}}, {});
  std::size_t errors = 0;
  for (const Finding& f : run.findings) errors += f.severity == Severity::Error;
  REQUIRE(run.findings.size() > kSarifMaxResults);
  REQUIRE(errors > 0);
  REQUIRE(errors < kSarifMaxResults);

  Report report{run.findings, run.model.stats, builtin_rules(),
                run.model.objects.size()};
  std::ostringstream out;
  write_sarif(out, report, {"launchlint/prod", "/work/"});
  rapidjson::Document sarif;
  sarif.Parse(out.str().c_str());
  REQUIRE_FALSE(sarif.HasParseError());
  std::string error;
  CHECK_MESSAGE(valid_sarif(sarif, &error), error);

  const auto& run0 = sarif["runs"][0];
  CHECK(sarif["runs"].Size() == 1);
  REQUIRE(run0.HasMember("automationDetails"));
  CHECK(std::string(run0["automationDetails"]["id"].GetString()) ==
        "launchlint/prod/");
  const auto& results = run0["results"];
  CHECK(results.Size() == kSarifMaxResults);
  // Every error survives the cut; the least severe findings are dropped.
  std::size_t error_results = 0;
  for (const auto& r : results.GetArray())
    error_results += std::string_view(r["level"].GetString()) == "error";
  CHECK(error_results == errors);
  REQUIRE(run0.HasMember("invocations"));
  const auto& note = run0["invocations"][0]["toolExecutionNotifications"][0];
  CHECK(std::string(note["descriptor"]["id"].GetString()) ==
        "results-truncated");
  CHECK(std::string(note["level"].GetString()) == "warning");
  CHECK(std::string(note["message"]["text"].GetString())
            .starts_with(fmt::format("{} findings", run.findings.size())));
  CHECK(run0["invocations"][0]["executionSuccessful"].GetBool());
}

TEST_CASE("sarif: under the cap, no invocation notification, all results") {
  std::string text =
      "apiVersion: apps/v1\nkind: Deployment\n"
      "metadata: {name: small, namespace: llm}\n"
      "spec:\n  template:\n    spec:\n      containers:\n"
      "      - name: c\n        image: vllm/vllm-openai:latest\n";
  LintRun run = lint_texts({{"small.yaml", text}}, {});
  REQUIRE(!run.findings.empty());
  Report report{run.findings, run.model.stats, builtin_rules(),
                run.model.objects.size()};
  std::ostringstream out;
  write_sarif(out, report, {"", "/work/"});
  rapidjson::Document sarif;
  sarif.Parse(out.str().c_str());
  REQUIRE_FALSE(sarif.HasParseError());
  const auto& run0 = sarif["runs"][0];
  CHECK(run0["results"].Size() == run.findings.size());
  CHECK_FALSE(run0["invocations"][0].HasMember("toolExecutionNotifications"));
  CHECK_FALSE(run0.HasMember("automationDetails"));
}

}  // namespace launchlint
