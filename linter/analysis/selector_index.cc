#include "linter/analysis/selector_index.h"

#include <algorithm>

namespace launchlint {

namespace {

const std::vector<std::uint32_t> kNone;

}  // namespace

void SelectorIndex::add(std::uint32_t member, const LabelSet* labels) {
  auto position = static_cast<std::uint32_t>(members_.size());
  members_.push_back({member, labels});
  for (const auto& [k, v] : labels->entries()) {
    by_pair_[{k, v}].push_back(position);
    by_key_[k].push_back(position);
  }
}

const std::vector<std::uint32_t>* SelectorIndex::candidates(
    const LabelSelector& selector, std::vector<std::uint32_t>* merged) const {
  const std::vector<std::uint32_t>* best = nullptr;
  for (const Requirement& r : selector.requirements) {
    const std::vector<std::uint32_t>* list = nullptr;
    if (r.op == SelectorOp::Exists) {
      auto it = by_key_.find(r.key);
      list = it == by_key_.end() ? &kNone : &it->second;
    } else if (r.op == SelectorOp::In && r.values.size() == 1) {
      auto it = by_pair_.find({r.key, r.values[0]});
      list = it == by_pair_.end() ? &kNone : &it->second;
    } else if (r.op == SelectorOp::In) {
      // Several values: the union of their lists, in position order.
      std::vector<std::uint32_t> all;
      for (const std::string& v : r.values) {
        auto it = by_pair_.find({r.key, v});
        if (it != by_pair_.end())
          all.insert(all.end(), it->second.begin(), it->second.end());
      }
      std::sort(all.begin(), all.end());
      all.erase(std::unique(all.begin(), all.end()), all.end());
      if (!best || all.size() < best->size()) {
        *merged = std::move(all);
        best = merged;
      }
      continue;
    } else {
      continue;  // NotIn and DoesNotExist cannot narrow by themselves
    }
    if (!best || list->size() < best->size()) best = list;
  }
  return best;
}

std::vector<std::uint32_t> SelectorIndex::select(
    const LabelSelector& selector) const {
  std::vector<std::uint32_t> out;
  if (selector.invalid) return out;
  std::vector<std::uint32_t> merged;
  const std::vector<std::uint32_t>* list = candidates(selector, &merged);
  if (list) {
    for (std::uint32_t p : *list) {
      if (selector.matches(*members_[p].labels)) out.push_back(members_[p].id);
    }
  } else {
    for (const Member& m : members_) {
      if (selector.matches(*m.labels)) out.push_back(m.id);
    }
  }
  return out;
}

bool SelectorIndex::any(const LabelSelector& selector) const {
  if (selector.invalid) return false;
  std::vector<std::uint32_t> merged;
  const std::vector<std::uint32_t>* list = candidates(selector, &merged);
  if (list) {
    for (std::uint32_t p : *list) {
      if (selector.matches(*members_[p].labels)) return true;
    }
    return false;
  }
  for (const Member& m : members_) {
    if (selector.matches(*m.labels)) return true;
  }
  return false;
}

}  // namespace launchlint
