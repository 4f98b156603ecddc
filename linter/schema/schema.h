#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <rapidjson/document.h>

namespace launchlint {

enum class SchemaType : std::uint8_t {
  Any,
  Object,
  Array,
  String,
  Integer,
  Number,
  Boolean,
  IntOrString,  // x-kubernetes-int-or-string
  Quantity,     // resource.Quantity: a string or a number
};

// One compiled schema node: what a value at one place of an object may be.
// Nodes point at each other; recursive definitions make cycles.
struct SchemaNode {
  SchemaType type = SchemaType::Any;
  bool nullable = false;
  bool has_default = false;       // a CRD default fills it when missing
  bool preserve_unknown = false;  // unknown fields are kept, not errors
  bool embedded = false;          // x-kubernetes-embedded-resource
  bool empty_enum_ok = false;     // "" means unset (built-in string enums)
  std::string name;               // "Container" for definitions; else empty
  // Sorted by name, for binary search.
  std::vector<std::pair<std::string, const SchemaNode*>> properties;
  std::vector<std::string> required;
  std::vector<std::string> enum_values;
  const SchemaNode* items = nullptr;       // array elements
  const SchemaNode* additional = nullptr;  // map values (additionalProperties)

  const SchemaNode* property(std::string_view key) const;
};

// Owns compiled nodes. Nodes never move once made.
class SchemaArena {
 public:
  SchemaNode* make() { return &nodes_.emplace_back(); }
  // Compiles a structural schema (CRD openAPIV3Schema, or a definition of
  // schemas/kubernetes.json). `$ref` names resolve through `definitions`
  // when given.
  const SchemaNode* compile(const rapidjson::Value& schema,
                            const rapidjson::Value* definitions = nullptr);

 private:
  const SchemaNode* compile_ref(std::string_view name,
                                const rapidjson::Value& definitions);
  std::deque<SchemaNode> nodes_;
  std::map<std::string, const SchemaNode*, std::less<>> refs_;
};

// The built-in Kubernetes API (schemas/kubernetes.json, embedded), compiled
// once on first use.
class BuiltinSchemas {
 public:
  static const BuiltinSchemas& get();
  // The schema of a kind at one API version; null when the API has none.
  const SchemaNode* find(std::string_view group, std::string_view version,
                         std::string_view kind) const;
  // True for groups of the built-in API ("", "apps", "batch", ...).
  bool has_group(std::string_view group) const;
  const SchemaNode* object_meta() const { return object_meta_; }

 private:
  BuiltinSchemas();
  SchemaArena arena_;
  std::map<std::string, const SchemaNode*, std::less<>> kinds_;  // g/v/k
  std::vector<std::string> groups_;
  const SchemaNode* object_meta_ = nullptr;
};

std::string_view kubernetes_schema_json();  // generated/k8s_schema.cc

}  // namespace launchlint
