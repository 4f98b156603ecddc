#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
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
  std::vector<Member> members_;
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_pair_;
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_key_;
};

}  // namespace launchlint
