#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "linter/model/object.h"

namespace launchlint {

// Columns inside launchlint count UTF-8 bytes, 1-based (yaml-cpp's Mark
// counts bytes). SARIF and LSP count UTF-16 code units.
std::uint32_t utf16_column(std::string_view line_text,
                           std::uint32_t byte_column);

// Converts byte columns of locations to UTF-16 code units. Reads each file
// once, keeping only the lines asked for that hold non-ASCII text; files it
// cannot read (and lines it was not told about) keep their byte column.
class Utf16Columns {
 public:
  // `texts`: sources that are not files on disk (stdin, in-memory tests),
  // keyed by display name.
  Utf16Columns(const std::vector<Location>& wanted,
               const std::map<std::string, std::string, std::less<>>& texts);
  std::uint32_t column(const Location& loc) const;

 private:
  std::map<std::pair<std::string, std::uint32_t>, std::string, std::less<>>
      non_ascii_lines_;
};

}  // namespace launchlint
