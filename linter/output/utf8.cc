#include "linter/output/utf8.h"

namespace launchlint {

namespace {

// The length of the UTF-8 character at text[i], or 0 when the bytes there
// are not one (overlong forms, surrogates and code points past U+10FFFF are
// not).
std::size_t char_length(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) {
    return static_cast<unsigned char>(text[k]);
  };
  unsigned char c = byte(i);
  std::size_t len = c < 0x80         ? 1
                    : (c >> 5) == 6  ? 2
                    : (c >> 4) == 14 ? 3
                    : (c >> 3) == 30 ? 4
                                     : 0;
  if (len == 0 || i + len > text.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  if (len == 2 && c < 0xC2) return 0;
  if (len == 3 &&
      ((c == 0xE0 && byte(i + 1) < 0xA0) || (c == 0xED && byte(i + 1) >= 0xA0)))
    return 0;
  if (len == 4 && ((c == 0xF0 && byte(i + 1) < 0x90) || c > 0xF4 ||
                   (c == 0xF4 && byte(i + 1) >= 0x90)))
    return 0;
  return len;
}

}  // namespace

std::string_view as_utf8(std::string_view text, std::string* storage) {
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t len = char_length(text, i);
    if (len == 0) break;
    i += len;
  }
  if (i == text.size()) return text;
  storage->assign(text.substr(0, i));
  while (i < text.size()) {
    std::size_t len = char_length(text, i);
    if (len == 0) {
      *storage += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
    } else {
      storage->append(text.substr(i, len));
      i += len;
    }
  }
  return *storage;
}

}  // namespace launchlint
