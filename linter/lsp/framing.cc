#include "linter/lsp/framing.h"

#include <charconv>

#include <fmt/format.h>

namespace launchlint::lsp {

namespace {

constexpr std::size_t kMaxHeaderBytes = 8192;

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

// At most 40 bytes of a header value for a message: printable ASCII as is,
// other bytes as \xNN, so the message is UTF-8 (it goes out as JSON).
std::string quote(std::string_view value) {
  std::string out;
  for (char c : value.substr(0, 40)) {
    if (c >= ' ' && c <= '~') {
      out.push_back(c);
    } else {
      out += fmt::format("\\x{:02X}", static_cast<unsigned char>(c));
    }
  }
  return out;
}

constexpr std::string_view kKey = "content-length";

// Where to resume after a bad header: the next "Content-Length" after the
// start (a frame whose body length was wrong leaves the next header glued to
// the end of what came before), else `fallback`.
std::size_t resync(std::string_view buffer, std::size_t fallback) {
  for (std::size_t i = 1; i + kKey.size() <= buffer.size() && i < fallback;
       ++i) {
    if (iequals(buffer.substr(i, kKey.size()), kKey)) return i;
  }
  return fallback;
}

}  // namespace

FrameStatus parse_frame(std::string_view buffer, std::size_t* consumed,
                        std::string* body, std::string* error) {
  *consumed = 0;
  // Only the header's first 8 KiB (and its end) decide, so the outcome never
  // depends on how much of the stream has arrived.
  std::string_view window = buffer.substr(0, kMaxHeaderBytes + 4);
  std::size_t end = window.find("\r\n\r\n");
  if (end == std::string_view::npos) {
    if (window.size() < kMaxHeaderBytes + 4) return FrameStatus::kNeedMore;
    *error = "message header longer than 8 KiB";
    // The next header in the window, else past it but for a tail that may
    // hold the start of one.
    *consumed = resync(window, window.size() - (kKey.size() - 1));
    return FrameStatus::kMalformed;
  }
  std::size_t header_end = end + 4;
  std::string_view header = buffer.substr(0, end);
  bool have_length = false;
  std::size_t length = 0;
  while (!header.empty()) {
    std::size_t eol = header.find("\r\n");
    std::string_view line = header.substr(0, eol);
    header = eol == std::string_view::npos ? std::string_view()
                                           : header.substr(eol + 2);
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      *error = "message header line without ':'";
      *consumed = resync(buffer, header_end);
      return FrameStatus::kMalformed;
    }
    if (!iequals(trim(line.substr(0, colon)), "content-length")) continue;
    std::string_view value = trim(line.substr(colon + 1));
    auto [ptr, ec] =
        std::from_chars(value.data(), value.data() + value.size(), length);
    if (ec != std::errc() || ptr != value.data() + value.size() ||
        value.empty()) {
      *error = fmt::format("bad Content-Length '{}'", quote(value));
      *consumed = resync(buffer, header_end);
      return FrameStatus::kMalformed;
    }
    have_length = true;
  }
  if (!have_length) {
    *error = "message header without Content-Length";
    *consumed = resync(buffer, header_end);
    return FrameStatus::kMalformed;
  }
  if (length > kMaxMessageBytes) {
    // The whole body is skipped, also the part not read yet.
    *error =
        fmt::format("message of {} bytes is over the 64 MiB limit", length);
    *consumed = header_end + length;
    return FrameStatus::kMalformed;
  }
  if (buffer.size() - header_end < length) return FrameStatus::kNeedMore;
  body->assign(buffer.substr(header_end, length));
  *consumed = header_end + length;
  return FrameStatus::kMessage;
}

std::vector<MessageReader::Item> MessageReader::feed(std::string_view bytes) {
  std::vector<Item> result;
  std::size_t dropped = std::min(skip_, bytes.size());
  skip_ -= dropped;
  buffer_.append(bytes.substr(dropped));
  while (!buffer_.empty()) {
    std::size_t consumed = 0;
    std::string body, error;
    FrameStatus status = parse_frame(buffer_, &consumed, &body, &error);
    if (status == FrameStatus::kNeedMore) break;
    if (consumed > buffer_.size()) {
      skip_ = consumed - buffer_.size();
      consumed = buffer_.size();
    }
    buffer_.erase(0, consumed);
    if (status == FrameStatus::kMalformed) {
      result.push_back({true, std::move(error)});
    } else {
      result.push_back({false, std::move(body)});
    }
  }
  return result;
}

std::string frame(std::string_view body) {
  return fmt::format("Content-Length: {}\r\n\r\n{}", body.size(), body);
}

}  // namespace launchlint::lsp
