#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "linter/yaml/string_pool.h"

namespace launchlint {

enum class NodeType : std::uint8_t { Null, Scalar, Map, Seq };

// One node of a parsed YAML document. 16 bytes; children and scalar text live
// in the document's shared arrays.
struct Node {
  std::uint32_t line = 0;    // 1-based
  std::uint32_t column = 0;  // 1-based
  std::uint32_t a = 0;       // scalar: offset in text; map/seq: first child
  std::uint32_t b = 0;       // scalar: length; map/seq: child count
  NodeType type = NodeType::Null;
  bool quoted = false;  // scalar written with quotes (or a tag): never a number
  bool pooled = false;  // scalar text is in the document's StringPool
};

class Document;

// A cheap handle to a node of an immutable document. An invalid handle
// (missing key, out of range) answers every query with "nothing".
class NodeRef {
 public:
  NodeRef() = default;
  NodeRef(const Document* doc, std::uint32_t index)
      : doc_(doc), index_(index) {}

  bool valid() const { return doc_ != nullptr; }
  explicit operator bool() const { return valid(); }
  NodeType type() const;
  bool is_null() const { return !valid() || type() == NodeType::Null; }
  bool is_scalar() const { return valid() && type() == NodeType::Scalar; }
  bool is_map() const { return valid() && type() == NodeType::Map; }
  bool is_seq() const { return valid() && type() == NodeType::Seq; }
  bool quoted() const;

  std::uint32_t line() const;
  std::uint32_t column() const;

  // Scalar text; empty for anything else.
  std::string_view str() const;
  // Scalar interpreted as YAML 1.1 / Kubernetes would: true/false, integers.
  bool as_bool(bool fallback) const;
  bool is_true() const { return as_bool(false); }
  bool is_false() const { return !as_bool(true); }
  bool as_int(long long* out) const;

  // Map lookup by key (first match); invalid handle when absent or not a map.
  NodeRef get(std::string_view key) const;
  NodeRef operator[](std::string_view key) const { return get(key); }
  // The key node of `key` in this map.
  NodeRef key_node(std::string_view key) const;

  // Number of entries of a map or elements of a sequence.
  std::uint32_t size() const;
  // Sequence element i; for maps, the value of entry i.
  NodeRef at(std::uint32_t i) const;
  // Map entry i's key node.
  NodeRef key_at(std::uint32_t i) const;

  const Document* document() const { return doc_; }
  std::uint32_t index() const { return index_; }
  bool operator==(const NodeRef& o) const {
    return doc_ == o.doc_ && index_ == o.index_;
  }

 private:
  const Node& node() const;
  const Document* doc_ = nullptr;
  std::uint32_t index_ = 0;
};

// An immutable YAML document: nodes in one vector, children indices in
// another, scalar text in one string or in a StringPool shared with the other
// documents of the run.
class Document {
 public:
  std::shared_ptr<const std::string> file;  // path as given, or "<stdin>"
  std::string helm_source;       // "chart/templates/x.yaml" from "# Source:"
  std::uint32_t start_line = 0;  // line of the root node
  std::uint32_t end_line = 0;    // last line holding a node of the document

  NodeRef root() const {
    return nodes_.empty() ? NodeRef() : NodeRef(this, root_);
  }
  std::size_t node_count() const { return nodes_.size(); }
  // Bytes held by this document alone (pooled text not included).
  std::size_t memory_bytes() const {
    return nodes_.capacity() * sizeof(Node) +
           children_.capacity() * sizeof(std::uint32_t) + text_.capacity();
  }

  // The dotted YAML path of `target` from the root, e.g.
  // "spec.template.spec.containers[0].image"; empty when not found.
  std::string path_of(NodeRef target) const;
  // The key whose value is `target`, or an invalid handle when `target` is
  // the root or a sequence element.
  NodeRef key_of(NodeRef target) const;

 private:
  friend class NodeRef;
  friend class DocumentBuilder;
  std::vector<Node> nodes_;
  std::vector<std::uint32_t> children_;
  std::string text_;
  std::shared_ptr<const StringPool> pool_;
  std::uint32_t root_ = 0;
};

}  // namespace launchlint
