#pragma once

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "linter/analysis/label_selector.h"
#include "linter/rules/rule.h"

namespace launchlint {

// One step of a custom rule's path: `.key`, `[N]`, `[*]`, `[key=value]`.
struct CustomPathStep {
  enum class Kind { Key, Index, Each, Where };
  Kind kind = Kind::Key;
  std::string key;    // Key: the map key; Where: the element's field
  std::string value;  // Where: the value it must equal
  std::uint32_t index = 0;
};

// A parsed path and where it starts: the object's root; `podSpec.`, the pod
// spec of every pod template of the object (see
// linter/model/pod_templates.h); or `container.`, every container of those
// templates (init containers, sidecars, KServe's model containers too).
struct CustomPath {
  enum class Root { Object, PodSpec, Container };
  Root root = Root::Object;
  std::vector<CustomPathStep> steps;
  std::string text;  // as written
};

// What a custom rule asserts about every node its path selects.
struct CustomCheck {
  CustomPath path;
  std::optional<bool> exists;
  std::optional<std::string> equals;  // comparable_text of the config's value
  std::vector<std::string> in;        // comparable_text of each
  bool has_in = false;
  std::shared_ptr<const RE2> matches, not_matches;
  std::optional<double> min, max;  // numbers or Kubernetes quantities
  std::string min_text, max_text;  // as written, for messages
  // min/max apply to the sum of the values selected from one start (pod
  // spec, container or object), not to each value.
  bool sum = false;
};

// Which objects a custom rule looks at; every given field must hold.
struct CustomMatch {
  std::vector<std::string> kinds;
  std::vector<std::string> namespaces;  // globs
  std::optional<LabelSelector> labels;
  std::optional<bool> model_servers;
  std::optional<bool> gpu;
};

// A rule from the config's customRules. `rule.info` points into the strings
// here, so a CustomRule never moves once built (CustomRules keeps them in a
// deque).
struct CustomRule {
  Rule rule{};
  std::string id, name, summary, doc, source;
  CustomMatch match;
  CustomCheck check;
  std::string message;  // with {value}, {path}, {kind}, {name}, {namespace}
};

struct CustomRules {
  std::deque<CustomRule> rules;
  // By id or name; null when there is none.
  const CustomRule* find(std::string_view id_or_name) const;
};

// Parses a path ("podSpec.containers[*].image"). False with `error` set
// (and `offset`, the character where it went wrong) when malformed.
bool parse_custom_path(std::string_view text, CustomPath* out,
                       std::string* error, std::size_t* offset);

// One step as path text (".key", "[N]", "[*]", "[key=value]"); a first key
// has no dot.
std::string path_step_text(const CustomPathStep& step, bool first);

// A scalar as `equals` and `in` compare it: a plain YAML boolean (True, yes,
// on, ...) as true or false, as Kubernetes reads it; anything else as
// written, so 8 and "8" are equal.
std::string comparable_text(NodeRef scalar);

// Whether `rule` applies to `object` (its match block).
bool custom_rule_matches(const CustomRule& rule, const Object& object);

// Evaluates `rule` on `object`, reporting each node that fails.
void check_custom_rule(const CustomRule& rule, const LintContext& context,
                       const Object& object, Reporter& reporter);

// The rule's doc with the fixed headings: the sections of its `doc` where
// it has them, generated ones for the rest.
std::string custom_rule_doc(const CustomRule& rule, std::string_view user_doc);

}  // namespace launchlint
