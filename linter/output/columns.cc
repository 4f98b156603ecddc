#include "linter/output/columns.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace launchlint {

namespace {

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x80;
  });
}

// Keeps the lines of `in` listed in `lines` (sorted) that hold non-ASCII.
void collect(std::istream& in, const std::string& file,
             const std::set<std::uint32_t>& lines,
             std::map<std::pair<std::string, std::uint32_t>, std::string,
                      std::less<>>* out) {
  std::uint32_t n = 0;
  auto next = lines.begin();
  for (std::string text; next != lines.end() && std::getline(in, text);) {
    ++n;
    if (n != *next) continue;
    ++next;
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (!is_ascii(text)) out->emplace(std::make_pair(file, n), std::move(text));
  }
}

}  // namespace

std::uint32_t utf16_column(std::string_view line_text,
                           std::uint32_t byte_column) {
  if (byte_column <= 1) return byte_column;
  std::string_view before = line_text.substr(
      0, std::min<std::size_t>(byte_column - 1, line_text.size()));
  std::uint32_t units = 0;
  for (std::size_t i = 0; i < before.size();) {
    auto c = static_cast<unsigned char>(before[i]);
    std::size_t len = c < 0x80         ? 1
                      : (c >> 5) == 6  ? 2
                      : (c >> 4) == 14 ? 3
                      : (c >> 3) == 30 ? 4
                                       : 1;
    units += len == 4 ? 2 : 1;  // outside the BMP: a surrogate pair
    i += len;
  }
  // A column past the end of the line (an error at end of line) keeps its
  // distance from the end.
  std::uint32_t beyond =
      byte_column - 1 - static_cast<std::uint32_t>(before.size());
  return units + beyond + 1;
}

Utf16Columns::Utf16Columns(
    const std::vector<Location>& wanted,
    const std::map<std::string, std::string, std::less<>>& texts) {
  std::map<std::string, std::set<std::uint32_t>, std::less<>> lines;
  for (const Location& loc : wanted) {
    if (loc.line > 0 && loc.column > 1)
      lines[std::string(loc.file_name())].insert(loc.line);
  }
  for (const auto& [file, numbers] : lines) {
    auto text = texts.find(file);
    if (text != texts.end()) {
      std::istringstream in(text->second);
      collect(in, file, numbers, &non_ascii_lines_);
      continue;
    }
    std::ifstream in(file, std::ios::binary);
    if (in) collect(in, file, numbers, &non_ascii_lines_);
  }
}

std::uint32_t Utf16Columns::column(const Location& loc) const {
  auto it = non_ascii_lines_.find(
      std::make_pair(std::string(loc.file_name()), loc.line));
  if (it == non_ascii_lines_.end()) return loc.column;
  return utf16_column(it->second, loc.column);
}

}  // namespace launchlint
