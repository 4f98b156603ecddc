#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "linter/yaml/document.h"

namespace launchlint {

// The labels of one pod, Service or namespace, sorted by key. The text is
// viewed, not copied: a document's scalars live as long as its pool.
class LabelSet {
 public:
  using Entry = std::pair<std::string_view, std::string_view>;

  // A YAML map of string keys to scalars; anything else is ignored.
  static LabelSet from_node(NodeRef map);

  // Sets a label; the set keeps a copy of the text.
  void set(std::string_view key, std::string_view value);
  // The same without a copy: `key` and `value` must outlive the set (a
  // document's text, a literal).
  void set_view(std::string_view key, std::string_view value);
  const std::string_view* find(std::string_view key) const;
  const std::vector<Entry>& entries() const { return entries_; }
  std::string describe() const;  // "app=vllm,tier=serving"

 private:
  std::vector<Entry> entries_;
  // Text of set, shared by copies of the set (a deque never moves it).
  std::shared_ptr<std::deque<std::string>> owned_;
};

enum class SelectorOp : std::uint8_t { In, NotIn, Exists, DoesNotExist };

struct Requirement {
  std::string key;
  SelectorOp op = SelectorOp::In;
  std::vector<std::string> values;
};

// A Kubernetes label selector: every requirement must hold (AND).
struct LabelSelector {
  std::vector<Requirement> requirements;
  // An unknown operator or a malformed entry: the API server would reject the
  // object, so the selector selects nothing.
  bool invalid = false;
  NodeRef node;  // where it was written

  // `{}`: selects everything.
  bool selects_all() const { return requirements.empty() && !invalid; }
  bool matches(const LabelSet& labels) const;
  std::string describe() const;  // "app=vllm,tier in (a,b),!gpu"
};

// metav1.LabelSelector: matchLabels plus matchExpressions. A missing or empty
// node gives a selector that selects everything; callers decide what an
// absent field means for their kind.
LabelSelector parse_label_selector(NodeRef node);

// A plain map selector (Service spec.selector, ReplicationController).
LabelSelector parse_map_selector(NodeRef node);

// kubectl's equality syntax: "k=v,k2==v2,k3!=v3,k4,!k5". False when
// malformed, with `error` set.
bool parse_selector_text(std::string_view text, LabelSelector* out,
                         std::string* error);

}  // namespace launchlint
