#include "linter/yaml/document.h"

#include <charconv>

#include <fmt/format.h>

namespace launchlint {

const Node& NodeRef::node() const { return doc_->nodes_[index_]; }

NodeType NodeRef::type() const {
  return valid() ? static_cast<NodeType>(node().type) : NodeType::Null;
}

bool NodeRef::quoted() const { return valid() && node().quoted; }

std::uint32_t NodeRef::line() const { return valid() ? node().line : 0; }

std::uint32_t NodeRef::column() const { return valid() ? node().column : 0; }

std::string_view NodeRef::str() const {
  if (!is_scalar()) return "";
  return doc_->pool_->get(node().payload);
}

bool NodeRef::as_bool(bool fallback) const {
  if (!is_scalar()) return fallback;
  std::string_view s = str();
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  if (quoted()) return fallback;
  if (s == "yes" || s == "Yes" || s == "YES" || s == "on" || s == "On" ||
      s == "ON" || s == "y" || s == "Y")
    return true;
  if (s == "no" || s == "No" || s == "NO" || s == "off" || s == "Off" ||
      s == "OFF" || s == "n" || s == "N")
    return false;
  return fallback;
}

bool NodeRef::as_int(long long* out) const {
  if (!is_scalar()) return false;
  std::string_view s = str();
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  long long v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty())
    return false;
  *out = v;
  return true;
}

std::uint32_t NodeRef::size() const {
  if (!is_map() && !is_seq()) return 0;
  return doc_->spans_[node().payload].count;
}

NodeRef NodeRef::at(std::uint32_t i) const {
  if (!is_map() && !is_seq()) return {};
  const Node& n = node();
  const Span& span = doc_->spans_[n.payload];
  if (i >= span.count) return {};
  std::uint32_t step = n.type == static_cast<std::uint32_t>(NodeType::Map);
  return NodeRef(doc_, span.first + (i << step) + step);
}

NodeRef NodeRef::key_at(std::uint32_t i) const {
  if (!is_map()) return {};
  const Span& span = doc_->spans_[node().payload];
  if (i >= span.count) return {};
  return NodeRef(doc_, span.first + 2 * i);
}

std::uint32_t NodeRef::find_key(std::string_view key) const {
  const Span& span = doc_->spans_[node().payload];
  const Node* k = doc_->nodes_.data() + span.first;
  for (std::uint32_t i = 0; i < span.count; ++i, k += 2) {
    if (k->type != static_cast<std::uint32_t>(NodeType::Scalar)) continue;
    if (doc_->pool_->get(k->payload) == key) return span.first + 2 * i;
  }
  return kNoKey;
}

NodeRef NodeRef::key_node(std::string_view key) const {
  if (!is_map()) return {};
  std::uint32_t k = find_key(key);
  return k == kNoKey ? NodeRef() : NodeRef(doc_, k);
}

NodeRef NodeRef::get(std::string_view key) const {
  if (!is_map()) return {};
  std::uint32_t k = find_key(key);
  return k == kNoKey ? NodeRef() : NodeRef(doc_, k + 1);
}

namespace {

// One step down from a map or sequence to its entry `index`; `key` when the
// step ends on the entry's key node.
struct Step {
  NodeRef parent;
  std::uint32_t index = 0;
  bool key = false;
};

// The steps from `node` down to node index `target`, guided by the layout:
// nodes are appended as their map or sequence closes, so a container's
// descendants are one range of indices that ends with its own children, and
// the ranges of siblings ascend. Shared (aliased) subtrees break the rule;
// then the search says so and the caller searches every branch.
bool guided_steps(NodeRef node, std::uint32_t target,
                  std::vector<Step>* steps) {
  for (int depth = 0; depth <= 256; ++depth) {
    if (node.index() == target) return true;
    std::uint32_t n = node.size();
    if (n == 0) return false;
    bool map = node.is_map();
    std::uint32_t begin = (map ? node.key_at(0) : node.at(0)).index();
    std::uint32_t width = map ? 2 : 1;
    if (target >= begin && target < begin + n * width) {
      std::uint32_t offset = target - begin;
      steps->push_back({node, offset / width, map && offset % 2 == 0});
      return true;
    }
    NodeRef next;
    for (std::uint32_t i = 0; i < n; ++i) {
      NodeRef child = node.at(i);
      std::uint32_t count = child.size();
      if (count == 0) continue;
      std::uint32_t first =
          (child.is_map() ? child.key_at(0) : child.at(0)).index();
      std::uint32_t end = first + count * (child.is_map() ? 2 : 1);
      if (end > target) {
        steps->push_back({node, i, false});
        next = child;
        break;
      }
    }
    if (!next.valid()) return false;
    node = next;
  }
  return false;
}

// The same by visiting every branch, for documents with aliases.
bool searched_steps(NodeRef node, NodeRef target, std::vector<Step>* steps,
                    int depth) {
  if (node == target) return true;
  if (depth > 256) return false;
  std::uint32_t n = node.size();
  for (std::uint32_t i = 0; i < n; ++i) {
    if (node.is_map() && node.key_at(i) == target) {
      steps->push_back({node, i, true});
      return true;
    }
    steps->push_back({node, i, false});
    if (searched_steps(node.at(i), target, steps, depth + 1)) return true;
    steps->pop_back();
  }
  return false;
}

bool steps_to(const Document& doc, NodeRef target, std::vector<Step>* steps) {
  if (target.document() != &doc || !doc.root().valid()) return false;
  if (guided_steps(doc.root(), target.index(), steps)) return true;
  steps->clear();
  return searched_steps(doc.root(), target, steps, 0);
}

}  // namespace

NodeRef Document::key_of(NodeRef target) const {
  std::vector<Step> steps;
  if (target == root() || !steps_to(*this, target, &steps) || steps.empty())
    return {};
  const Step& last = steps.back();
  if (last.key || !last.parent.is_map()) return {};
  return last.parent.key_at(last.index);
}

std::string Document::path_of(NodeRef target) const {
  std::string path;
  std::vector<Step> steps;
  if (!steps_to(*this, target, &steps)) return path;
  for (const Step& step : steps) {
    if (!step.parent.is_map()) {
      fmt::format_to(std::back_inserter(path), "[{}]", step.index);
      continue;
    }
    std::string_view k = step.parent.key_at(step.index).str();
    if (!path.empty()) path.push_back('.');
    if (k.find_first_of(".[]\"") == std::string_view::npos) {
      path.append(k);
    } else {
      fmt::format_to(std::back_inserter(path), "\"{}\"", k);
    }
  }
  return path;
}

}  // namespace launchlint
