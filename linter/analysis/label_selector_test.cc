// Label selector semantics (docs: concepts/overview/working-with-objects/
// labels, "Label selectors" and "Resources that support set-based
// requirements") and the index that answers them.
#include <doctest/doctest.h>

#include <algorithm>

#include "linter/analysis/label_selector.h"
#include "linter/analysis/selector_index.h"
#include "linter/yaml/parse.h"

namespace launchlint {

namespace {

LabelSelector selector_of(const std::string& yaml,
                          std::shared_ptr<const Document>* keep) {
  ParsedStream parsed =
      parse_stream(yaml, std::make_shared<const std::string>("s.yaml"));
  REQUIRE(parsed.documents.size() == 1);
  *keep = parsed.documents[0];
  return parse_label_selector((*keep)->root());
}

LabelSet labels(std::initializer_list<std::pair<const char*, const char*>> l) {
  LabelSet s;
  for (const auto& [k, v] : l) s.set(k, v);
  return s;
}

}  // namespace

TEST_CASE("label selector requirements") {
  struct Case {
    const char* why;
    const char* selector;
    bool matches;  // against app=vllm, tier=serving
  };
  LabelSet pod = labels({{"app", "vllm"}, {"tier", "serving"}});
  for (const Case& c : {
           Case{"the empty selector {} selects everything", "{}", true},
           Case{"matchLabels: every pair must match (AND)",
                "{matchLabels: {app: vllm, tier: serving}}", true},
           Case{"matchLabels: one pair differs",
                "{matchLabels: {app: vllm, "
                "tier: batch}}",
                false},
           Case{"In: the value is in the set",
                "{matchExpressions: [{key: app, operator: In, values: [tgi, "
                "vllm]}]}",
                true},
           Case{"In: a missing key never matches",
                "{matchExpressions: [{key: gpu, operator: In, values: [a]}]}",
                false},
           Case{"NotIn: the value is not in the set",
                "{matchExpressions: [{key: app, operator: NotIn, values: "
                "[tgi]}]}",
                true},
           Case{"NotIn: a missing key matches",
                "{matchExpressions: [{key: gpu, operator: NotIn, values: "
                "[a]}]}",
                true},
           Case{"Exists", "{matchExpressions: [{key: tier, operator: Exists}]}",
                true},
           Case{"DoesNotExist",
                "{matchExpressions: [{key: tier, operator: DoesNotExist}]}",
                false},
           Case{"matchLabels and matchExpressions are ANDed",
                "{matchLabels: {app: vllm}, matchExpressions: [{key: tier, "
                "operator: NotIn, values: [serving]}]}",
                false},
           Case{"an unknown operator is invalid: selects nothing",
                "{matchExpressions: [{key: app, operator: Equals, values: "
                "[vllm]}]}",
                false},
           Case{"In without values is invalid: selects nothing",
                "{matchExpressions: [{key: app, operator: In}]}", false},
       }) {
    INFO(std::string(c.why));
    std::shared_ptr<const Document> keep;
    LabelSelector s = selector_of(c.selector, &keep);
    CHECK(s.matches(pod) == c.matches);
    // The index answers exactly what a scan answers.
    SelectorIndex index;
    LabelSet other = labels({{"app", "tgi"}});
    index.add(7, &pod);
    index.add(9, &other);
    std::vector<std::uint32_t> got = index.select(s);
    bool indexed = std::find(got.begin(), got.end(), 7u) != got.end();
    CHECK(indexed == c.matches);
    CHECK(index.any(s) == (c.matches || s.matches(other)));
  }
}

TEST_CASE("selector index narrows by the most selective requirement") {
  std::vector<LabelSet> pods;
  for (int i = 0; i < 1000; ++i) {
    pods.push_back(labels({{"app", i % 2 ? "vllm" : "tgi"}}));
    pods.back().set("replica", std::to_string(i));
  }
  SelectorIndex index;
  for (std::uint32_t i = 0; i < pods.size(); ++i) index.add(i, &pods[i]);
  LabelSelector s;
  s.requirements.push_back({"app", SelectorOp::In, {"vllm"}});
  s.requirements.push_back({"replica", SelectorOp::In, {"41", "42", "43"}});
  CHECK(index.select(s) == std::vector<std::uint32_t>{41, 43});
  LabelSelector none;
  none.requirements.push_back({"zone", SelectorOp::Exists, {}});
  CHECK(index.select(none).empty());
  LabelSelector all;
  CHECK(index.select(all).size() == 1000);
}

TEST_CASE("kubectl selector text") {
  LabelSelector s;
  std::string error;
  REQUIRE(parse_selector_text("app=vllm,tier==serving,gpu!=none,zone,!canary",
                              &s, &error));
  REQUIRE(s.requirements.size() == 5);
  CHECK(
      s.matches(labels({{"app", "vllm"}, {"tier", "serving"}, {"zone", "a"}})));
  CHECK_FALSE(s.matches(labels(
      {{"app", "vllm"}, {"tier", "serving"}, {"zone", "a"}, {"canary", "1"}})));
  CHECK_FALSE(parse_selector_text("=v", &s, &error));
}

}  // namespace launchlint
