#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace launchlint::lsp {

// JSON-RPC base protocol framing: "Content-Length: N\r\n\r\n" + N bytes.
enum class FrameStatus {
  kMessage,    // *body holds one message; *consumed bytes were used
  kNeedMore,   // the buffer holds part of a message: read more
  kMalformed,  // bad header: skip *consumed bytes and try again
};

// The largest message body accepted (a whole manifest folder's worth).
inline constexpr std::size_t kMaxMessageBytes = std::size_t{64} << 20;

// Parses one message from the front of `buffer`. Pure: no I/O, any input is
// safe (the fuzz target's entry point). On kMalformed, *error says why and
// *consumed > 0 so the caller always makes progress; *consumed may exceed
// buffer.size() (an oversized body): the excess is input still to be skipped.
FrameStatus parse_frame(std::string_view buffer, std::size_t* consumed,
                        std::string* body, std::string* error);

// Frames a message body for sending.
std::string frame(std::string_view body);

}  // namespace launchlint::lsp
