#pragma once

#include <ostream>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace launchlint {

// JSON writers write into a rapidjson StringBuffer (its Writer has a SIMD
// path for plain text) and hand it to the std::ostream in pieces of about
// 64 KiB, so a large report is never held whole.
using JsonBuffer = rapidjson::StringBuffer;

// Writes the buffer out once it holds more than 64 KiB (`force`: whatever it
// holds). Call it between values: the writer keeps no state in the buffer.
inline void drain(JsonBuffer& buffer, std::ostream& out, bool force = false) {
  if (!force && buffer.GetSize() < (std::size_t{64} << 10)) return;
  out.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
  buffer.Clear();
}

}  // namespace launchlint
