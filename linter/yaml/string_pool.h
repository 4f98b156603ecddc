#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string_view>
#include <unordered_map>

namespace launchlint {

// Scalar text shared by the documents of one run: keys, common values and
// repeated chart copies are stored once. Thread-safe while loading.
class StringPool {
 public:
  static constexpr std::size_t kMaxLength = 4096;  // longer text is not pooled

  StringPool();

  // Stores `s` once and sets `*id`; false when `s` is too long or the pool
  // is full (the caller keeps the text itself).
  bool intern(std::string_view s, std::uint32_t* id);
  std::string_view get(std::uint32_t id, std::uint32_t length) const {
    return {blocks_[id >> kBlockBits].get() + (id & kOffsetMask), length};
  }
  // Drops the lookup tables once loading is over; get() keeps working.
  void freeze();
  std::size_t memory_bytes() const { return next_block_.load() * kBlockSize; }

 private:
  static constexpr std::uint32_t kBlockBits = 16;
  static constexpr std::size_t kBlockSize = std::size_t{1} << kBlockBits;
  static constexpr std::uint32_t kOffsetMask = kBlockSize - 1;
  static constexpr std::size_t kMaxBlocks = std::size_t{1} << (32 - kBlockBits);
  static constexpr std::size_t kShards = 16;

  struct Shard {
    std::mutex mutex;
    std::unordered_map<std::string_view, std::uint32_t> ids;
    std::uint32_t block = 0;
    std::uint32_t used = kBlockSize;  // no block yet
  };

  std::unique_ptr<std::unique_ptr<char[]>[]> blocks_;
  std::atomic<std::uint32_t> next_block_{0};
  std::array<Shard, kShards> shards_;
};

}  // namespace launchlint
