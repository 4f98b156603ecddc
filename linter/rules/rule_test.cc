#include "linter/rules/rule.h"

#include <doctest/doctest.h>

#include <fmt/format.h>
#include <algorithm>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "linter/model/test_model.h"
#include "linter/rules/run.h"

namespace launchlint {

TEST_CASE("a finding lists ten related locations at most and counts the rest") {
  Model m = load_model("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n");
  REQUIRE(m.objects.size() == 1);
  const Object& pod = m.objects[0];
  RuleInfo info{"TST001", "test-rule", Area::General, Severity::Warning, "."};
  auto report = [&](std::size_t related_count) {
    std::vector<Finding> out;
    Reporter reporter(info, pod, &out);
    std::vector<RelatedLocation> related;
    for (std::size_t i = 0; i < related_count; ++i)
      related.push_back({pod.location(), fmt::format("quota q{}", i)});
    reporter.report(pod.metadata, "m", std::move(related));
    REQUIRE(out.size() == 1);
    return out[0];
  };
  Finding ten = report(10);
  CHECK(ten.related.size() == 10);
  CHECK(ten.related.back().message == "quota q9");
  Finding many = report(25);
  REQUIRE(many.related.size() == Reporter::kMaxRelated);
  CHECK(many.related[8].message == "quota q8");
  CHECK(many.related.back().message == "quota q9 (and 15 more like it)");
  CHECK(many.message == "m");
  CHECK(many.path == "metadata");
  CHECK(many.object.name == "p");
}

}  // namespace launchlint

namespace launchlint {

TEST_CASE("sort_findings orders by file, line, column, rule and message") {
  RuleInfo a{"AAA001", "a", Area::General, Severity::Warning, "."};
  RuleInfo b{"BBB001", "b", Area::General, Severity::Warning, "."};
  auto x = std::make_shared<const std::string>("x.yaml");
  auto y = std::make_shared<const std::string>("y.yaml");
  auto x_again = std::make_shared<const std::string>("x.yaml");
  std::vector<Finding> findings;
  // A fixed shuffle of 600 findings over two files (one named twice).
  for (std::uint32_t i = 0; i < 600; ++i) {
    std::uint32_t k = (i * 7919u) % 600u;
    Finding f;
    f.rule = k % 2 ? &a : &b;
    f.message = f.keep(fmt::format("m{}", k % 3));
    f.location = {k % 5 == 0 ? y : (k % 5 == 1 ? x_again : x), k % 40 + 1,
                  k % 3 + 1};
    findings.push_back(std::move(f));
  }
  std::vector<std::string> before;
  for (const Finding& f : findings)
    before.push_back(fmt::format("{}:{}:{} {} {}", f.location.file_name(),
                                 f.location.line, f.location.column, f.rule->id,
                                 f.message));
  sort_findings(&findings);
  std::vector<std::string> after;
  for (const Finding& f : findings)
    after.push_back(fmt::format("{}:{}:{} {} {}", f.location.file_name(),
                                f.location.line, f.location.column, f.rule->id,
                                f.message));
  // The same findings, each moved exactly once into place.
  std::vector<std::string> sorted_before = before;
  std::sort(sorted_before.begin(), sorted_before.end());
  std::vector<std::string> sorted_after = after;
  std::sort(sorted_after.begin(), sorted_after.end());
  CHECK(sorted_before == sorted_after);
  for (std::size_t i = 1; i < findings.size(); ++i) {
    const Location& p = findings[i - 1].location;
    const Location& q = findings[i].location;
    CAPTURE(i);
    REQUIRE(std::tuple(p.file_name(), p.line, p.column,
                       findings[i - 1].rule->id, findings[i - 1].message) <=
            std::tuple(q.file_name(), q.line, q.column, findings[i].rule->id,
                       findings[i].message));
  }
  CHECK(findings.front().location.file_name() == "x.yaml");
  CHECK(findings.back().location.file_name() == "y.yaml");
}

}  // namespace launchlint
