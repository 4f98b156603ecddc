#include <algorithm>
#include <sstream>

#include <doctest/doctest.h>

#include "linter/lint/lint.h"
#include "linter/output/report.h"
#include "linter/rules/registry.h"

namespace launchlint {

TEST_CASE("github: workflow command escaping") {
  CHECK(github_escape_data("100% sure\r\nnext: a,b") ==
        "100%25 sure%0D%0Anext: a,b");
  CHECK(github_escape_property("dir:a,b/100%\nx.yaml") ==
        "dir%3Aa%2Cb/100%25%0Ax.yaml");
  CHECK(github_escape_data("%25") == "%2525");  // escaped once, not decoded
  CHECK(github_escape_property("") == "");
}

TEST_CASE("github: one annotation per finding, summary last") {
  std::string text =
      "apiVersion: apps/v1\n"
      "kind: Deployment\n"
      "metadata: {name: llama, namespace: llm}\n"
      "spec:\n"
      "  template:\n"
      "    spec:\n"
      "      containers:\n"
      "      - name: vllm\n"
      "        image: vllm/vllm-openai:v0.6.3\n"
      "        readinessProbe: {httpGet: {path: /health, port: 8000}}\n"
      "        resources: {requests: {cpu: 1, memory: 1Gi}}\n"
      "        securityContext:\n"
      "          privileged: true\n";
  LintRun run = lint_texts({{"dir,with:odd/100%.yaml", text}}, {});
  const Finding* privileged = nullptr;
  for (const Finding& f : run.findings)
    if (f.rule->id == "SEC001") privileged = &f;
  REQUIRE(privileged != nullptr);
  Report report{run.findings, run.model.stats, builtin_rules(),
                run.model.objects.size()};
  std::ostringstream out;
  write_github(out, report);
  std::string expected =
      "::error file=dir%2Cwith%3Aodd/100%25.yaml,line=13,col=23,"
      "title=SEC001 privileged-container::Deployment llm/llama: " +
      std::string(privileged->message) + "\n";
  std::string got = out.str();
  CHECK(got.find(expected) != std::string::npos);
  // One line per finding, then the summary, last.
  CHECK(static_cast<std::size_t>(std::count(got.begin(), got.end(), '\n')) ==
        run.findings.size() + 1);
  std::string last = got.substr(got.rfind('\n', got.size() - 2) + 1);
  std::ostringstream summary;
  write_summary(summary, report);
  CHECK(last == summary.str());
  CHECK(last.find(" in 1 object from 1 file") != std::string::npos);
}

TEST_CASE("github: newlines of related notes are escaped, severities map") {
  Finding f;
  f.rule = &find_rule("ROL002")->info;
  f.severity = Severity::Warning;
  f.message = "no probe: 50% of\nrequests fail";
  f.location = {std::make_shared<const std::string>("a.yaml"), 3, 5};
  f.related.push_back(
      {{std::make_shared<const std::string>("b.yaml"), 7, 1}, "the Service"});
  Finding info = f;
  info.severity = Severity::Info;
  Finding hidden = f;
  hidden.suppressed = true;
  std::vector<Finding> findings{f, info, hidden};
  ModelStats stats;
  Report report{findings, stats, builtin_rules(), 0};
  std::ostringstream out;
  write_github(out, report);
  std::istringstream lines(out.str());
  std::string line;
  std::getline(lines, line);
  CHECK(line ==
        "::warning file=a.yaml,line=3,col=5,title=ROL002 "
        "missing-readiness-probe::no probe: 50%25 of%0Arequests fail%0A"
        "b.yaml:7:1: the Service");
  std::getline(lines, line);
  CHECK(line.starts_with("::notice file=a.yaml,line=3,col=5,"));
  std::getline(lines, line);
  CHECK(
      line.starts_with("0 errors, 1 warning, 1 info"));  // suppressed: no line
  CHECK(line.find("1 suppressed") != std::string::npos);
}

}  // namespace launchlint
