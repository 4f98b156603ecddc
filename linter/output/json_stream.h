#pragma once

#include <ostream>
#include <string>

namespace launchlint {

// A rapidjson output stream that hands the std::ostream 64 KiB at a time
// (rapidjson's OStreamWrapper calls ostream::put for every character).
class JsonStream {
 public:
  using Ch = char;

  explicit JsonStream(std::ostream& out) : out_(out) {
    buffer_.reserve(kChunk);
  }
  JsonStream(const JsonStream&) = delete;
  JsonStream& operator=(const JsonStream&) = delete;
  ~JsonStream() { Flush(); }

  void Put(char c) {
    buffer_.push_back(c);
    if (buffer_.size() >= kChunk) Flush();
  }
  void Flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

 private:
  static constexpr std::size_t kChunk = std::size_t{64} << 10;
  std::ostream& out_;
  std::string buffer_;
};

}  // namespace launchlint
