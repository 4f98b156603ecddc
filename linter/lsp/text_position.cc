#include "linter/lsp/text_position.h"

#include <algorithm>

namespace launchlint::lsp {

namespace {

// Length of the UTF-8 sequence starting with byte c (1 for invalid bytes).
std::size_t sequence_length(unsigned char c) {
  if (c >= 0xF0 && c <= 0xF4) return 4;
  if (c >= 0xE0) return c <= 0xEF ? 3 : 1;
  if (c >= 0xC2) return 2;
  return 1;
}

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
  }
}

std::string_view LineIndex::line(std::size_t i) const {
  if (i >= starts_.size()) return {};
  std::size_t begin = starts_[i];
  std::size_t end = i + 1 < starts_.size() ? starts_[i + 1] - 1 : text_.size();
  std::string_view l = text_.substr(begin, end - begin);
  if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
  return l;
}

std::size_t LineIndex::line_offset(std::size_t i) const {
  return i < starts_.size() ? starts_[i] : text_.size();
}

std::uint32_t LineIndex::utf16_column(std::size_t line_number,
                                      std::size_t byte_column) const {
  std::string_view l = line(line_number);
  std::uint32_t units = 0;
  std::size_t i = 0;
  while (i < l.size() && i < byte_column) {
    std::size_t n = sequence_length(static_cast<unsigned char>(l[i]));
    units += n == 4 ? 2 : 1;
    i += n;
  }
  if (byte_column > l.size()) {
    units += static_cast<std::uint32_t>(byte_column - l.size());
  }
  return units;
}

std::size_t LineIndex::byte_column(std::size_t line_number,
                                   std::uint32_t utf16) const {
  std::string_view l = line(line_number);
  std::uint32_t units = 0;
  std::size_t i = 0;
  while (i < l.size() && units < utf16) {
    std::size_t n = sequence_length(static_cast<unsigned char>(l[i]));
    units += n == 4 ? 2 : 1;
    i += n;
  }
  return std::min(i, l.size());
}

Position LineIndex::position_at(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto next = std::upper_bound(starts_.begin(), starts_.end(), offset);
  std::size_t line_number =
      static_cast<std::size_t>(next - starts_.begin()) - 1;
  return position(line_number, offset - starts_[line_number]);
}

std::size_t LineIndex::offset(Position p) const {
  if (p.line >= starts_.size()) return text_.size();
  return starts_[p.line] + byte_column(p.line, p.character);
}

}  // namespace launchlint::lsp
