#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "linter/schema/schema.h"
#include "linter/yaml/document.h"

namespace launchlint {

enum class ViolationKind : std::uint8_t { UnknownField, Type, Required, Enum };

struct SchemaViolation {
  ViolationKind kind;
  NodeRef at;  // the offending key or value; the parent map when missing
  std::string message;
};

// Checks one object (a document root or List item) against its kind's
// schema in one walk. `status` is skipped (the API server ignores it on
// create), `metadata` is always checked as ObjectMeta. Null passes wherever
// a field is optional, as the API server accepts it.
void validate_object(NodeRef root, const SchemaNode& schema,
                     const SchemaNode& object_meta,
                     std::vector<SchemaViolation>* out);

// The name in `candidates` nearest to `word` by edit distance (case
// ignored), or empty when none is close enough to be a likely typo.
std::string_view nearest_name(std::string_view word,
                              const std::vector<std::string_view>& candidates);

}  // namespace launchlint
