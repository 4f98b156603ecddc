#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

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

// Splits a byte stream into message bodies: feed it what read() returned.
// Keeps the partial message between calls and skips malformed headers and
// oversized bodies (also the part of them still to come). Any bytes are
// safe: with parse_frame, the fuzz target's entry point for the stream.
class MessageReader {
 public:
  struct Item {
    bool malformed = false;  // text: why the frame was skipped
    std::string text;        // else the message body
  };
  // The complete messages and skipped frames, in stream order.
  std::vector<Item> feed(std::string_view bytes);
  std::size_t buffered() const { return buffer_.size(); }

 private:
  std::string buffer_;
  std::size_t skip_ = 0;
};

// Frames a message body for sending.
std::string frame(std::string_view body);

}  // namespace launchlint::lsp
