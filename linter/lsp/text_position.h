#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace launchlint::lsp {

// An LSP position: 0-based line, UTF-16 code units into the line.
struct Position {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
  bool operator==(const Position&) const = default;
  auto operator<=>(const Position&) const = default;
};
struct Range {
  Position start, end;
  bool operator==(const Range&) const = default;
};

// The lines of a text, to convert the linter's byte columns to UTF-16 and
// back. Lines end at \n; a \r before it is not part of the line.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  std::size_t line_count() const { return starts_.size(); }
  // Line i (0-based) without its line break; empty past the end.
  std::string_view line(std::size_t i) const;
  // Byte offset of the start of line i; the text's size past the end.
  std::size_t line_offset(std::size_t i) const;

  // UTF-16 units before byte `byte_column` (0-based) of line `line`.
  std::uint32_t utf16_column(std::size_t line, std::size_t byte_column) const;
  // The byte column of a UTF-16 column, clamped to the line.
  std::size_t byte_column(std::size_t line, std::uint32_t utf16) const;
  // The byte offset in the text of an LSP position, clamped to the text.
  std::size_t offset(Position p) const;
  // The LSP position of a byte offset in the text.
  Position position_at(std::size_t offset) const;
  Position position(std::size_t line, std::size_t byte_column) const {
    return {static_cast<std::uint32_t>(line), utf16_column(line, byte_column)};
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

}  // namespace launchlint::lsp
