#include "linter/rules/rule.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "linter/model/test_model.h"

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
