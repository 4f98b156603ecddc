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

static bool path_search(NodeRef node, NodeRef target, std::string* path,
                        int depth) {
  if (node == target) return true;
  if (depth > 256) return false;
  std::size_t keep = path->size();
  std::uint32_t n = node.size();
  for (std::uint32_t i = 0; i < n; ++i) {
    if (node.is_map()) {
      NodeRef key = node.key_at(i);
      std::string_view k = key.str();
      bool plain = k.find_first_of(".[]\"") == std::string_view::npos;
      if (!path->empty()) path->push_back('.');
      if (plain) {
        path->append(k);
      } else {
        fmt::format_to(std::back_inserter(*path), "\"{}\"", k);
      }
      if (key == target) return true;
    } else {
      fmt::format_to(std::back_inserter(*path), "[{}]", i);
    }
    if (path_search(node.at(i), target, path, depth + 1)) return true;
    path->resize(keep);
  }
  return false;
}

static NodeRef key_search(NodeRef node, NodeRef target, int depth) {
  if (depth > 256) return {};
  std::uint32_t n = node.size();
  for (std::uint32_t i = 0; i < n; ++i) {
    NodeRef child = node.at(i);
    if (child == target) return node.is_map() ? node.key_at(i) : NodeRef();
    if (child.is_map() || child.is_seq()) {
      NodeRef found = key_search(child, target, depth + 1);
      if (found.valid()) return found;
    }
  }
  return {};
}

NodeRef Document::key_of(NodeRef target) const {
  if (target.document() != this || target == root()) return {};
  return key_search(root(), target, 0);
}

std::string Document::path_of(NodeRef target) const {
  std::string path;
  if (target.document() != this) return path;
  if (!path_search(root(), target, &path, 0)) path.clear();
  return path;
}

}  // namespace launchlint
