#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "linter/yaml/string_pool.h"

namespace launchlint {

enum class NodeType : std::uint8_t { Null, Scalar, Map, Seq };

// One node of a parsed YAML document: 12 bytes. A scalar's text is in the
// run's StringPool; a map's or sequence's children lie side by side in the
// document's node array (a map's as key, value, key, value, ...), found
// through its Span.
struct Node {
  static constexpr std::uint32_t kMaxColumn = (1u << 29) - 1;

  std::uint32_t line = 0;         // 1-based
  std::uint32_t column : 29 = 0;  // 1-based
  std::uint32_t type : 2 = 0;     // NodeType
  std::uint32_t quoted : 1 =
      0;                      // written with quotes (or a tag): never a number
  std::uint32_t payload = 0;  // scalar: StringPool id; map/seq: span index
};
static_assert(sizeof(Node) == 12);

struct Span {
  std::uint32_t first = 0;  // index of the first child in the node array
  std::uint32_t count = 0;  // sequence elements or map entries
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

  // Scalar text; empty for anything else. Never a null view: its data() may
  // go to memcpy and rapidjson, which must not get a null pointer.
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
  static constexpr std::uint32_t kNoKey = 0xffffffffu;
  const Node& node() const;
  // Index of the key node `key` of this map, or kNoKey.
  std::uint32_t find_key(std::string_view key) const;
  const Document* doc_ = nullptr;
  std::uint32_t index_ = 0;
};

// An immutable YAML document: its nodes in one array, where the children of
// every map and sequence are contiguous, and its scalar text in the run's
// StringPool, shared with the other documents.
class Document {
 public:
  std::shared_ptr<const std::string> file;  // path as given, or "<stdin>"
  std::string helm_source;       // "chart/templates/x.yaml" from "# Source:"
  std::uint32_t start_line = 0;  // line of the root node
  std::uint32_t end_line = 0;    // last line holding a node of the document

  // The run's pool that holds this document's text; more text may be added.
  const std::shared_ptr<StringPool>& strings() const { return pool_; }

  NodeRef root() const {
    return nodes_.empty() ? NodeRef() : NodeRef(this, root_);
  }
  std::size_t node_count() const { return nodes_.size(); }
  // Bytes held by this document alone (pooled text not included).
  std::size_t memory_bytes() const {
    return nodes_.capacity() * sizeof(Node) + spans_.capacity() * sizeof(Span);
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
  std::vector<Span> spans_;
  std::shared_ptr<StringPool> pool_;
  std::uint32_t root_ = 0;
};

}  // namespace launchlint
