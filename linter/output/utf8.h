#pragma once

#include <string>
#include <string_view>

namespace launchlint {

// `text` when it is UTF-8, else a copy in `*storage` with each byte that is
// not part of a valid UTF-8 character replaced by U+FFFD. JSON and SARIF
// must be UTF-8; file names, for one, need not be.
std::string_view as_utf8(std::string_view text, std::string* storage);

}  // namespace launchlint
