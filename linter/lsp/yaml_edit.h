#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "linter/lsp/text_position.h"
#include "linter/yaml/document.h"

namespace launchlint::lsp {

// A replacement of bytes [begin, end) of a text.
struct ByteEdit {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string text;
};

// Applies non-overlapping edits (any order) to a text.
std::string apply_edits(std::string_view text, std::vector<ByteEdit> edits);

// Sets the value at `keys` (map keys below `map`) to `value` (YAML text),
// adding the missing maps, in the style around it: block maps get indented
// lines after their last entry, flow maps an entry after '{'. nullopt when
// the value is already `value` or the YAML is not something it can edit
// safely (a sequence on the way, a flow null).
std::optional<ByteEdit> set_value(std::string_view text, const LineIndex& lines,
                                  NodeRef map,
                                  std::span<const std::string_view> keys,
                                  std::string_view value);

// Byte offset of a node's first character in `text`.
std::size_t node_offset(const LineIndex& lines, NodeRef node);
// End of the token starting at `offset`: a quoted scalar, or a plain one
// up to a comment or the end of the line (or ',', ']' and '}' when `flow`).
std::size_t token_end(std::string_view text, std::size_t offset, bool flow);

}  // namespace launchlint::lsp
