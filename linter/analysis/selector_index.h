#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "linter/analysis/label_selector.h"

namespace launchlint {

// Answers "which members carry labels matching this selector" through
// posting lists (key=value -> members, key -> members), so a query touches
// only the candidates of its most selective requirement.
class SelectorIndex {
 public:
  // `labels` must outlive the index. Member ids are the caller's.
  void add(std::uint32_t member, const LabelSet* labels);
  // Matching members in the order they were added.
  std::vector<std::uint32_t> select(const LabelSelector& selector) const;
  bool any(const LabelSelector& selector) const;
  std::size_t size() const { return members_.size(); }

 private:
  // Positions in members_ of the smallest candidate set, or null for all.
  const std::vector<std::uint32_t>* candidates(
      const LabelSelector& selector, std::vector<std::uint32_t>* merged) const;
  struct Member {
    std::uint32_t id;
    const LabelSet* labels;
  };
  using Pair = std::pair<std::string_view, std::string_view>;
  struct PairHash {
    std::size_t operator()(const Pair& p) const {
      std::hash<std::string_view> h;
      return h(p.first) * 31 + h(p.second);
    }
  };
  std::vector<Member> members_;
  // Keys view the members' labels, which outlive the index.
  std::unordered_map<Pair, std::vector<std::uint32_t>, PairHash> by_pair_;
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> by_key_;
};

}  // namespace launchlint
