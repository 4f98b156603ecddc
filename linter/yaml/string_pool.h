#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

namespace launchlint {

// Scalar text shared by the documents of one run: every key and value is
// stored once, however many documents repeat it (keys, labels, images, the
// same chart rendered twice). Ids are stable and text never moves, so a
// string_view into the pool lives as long as the pool. Interning is
// thread-safe; reading an id is safe from any thread that got it from
// intern() or after the loading threads joined.
class StringPool {
 public:
  StringPool() = default;
  StringPool(const StringPool&) = delete;
  StringPool& operator=(const StringPool&) = delete;

  std::uint32_t intern(std::string_view s);
  std::string_view get(std::uint32_t id) const {
    return entry(shards_[id & kShardMask], id >> kShardBits);
  }
  // Bytes held: text, entries and lookup tables.
  std::size_t memory_bytes() const;
  std::size_t size() const;

 private:
  static constexpr std::uint32_t kShardBits = 4;
  static constexpr std::uint32_t kShards = 1u << kShardBits;
  static constexpr std::uint32_t kShardMask = kShards - 1;
  static constexpr int kFirstChunkBits = 8;
  static constexpr std::uint32_t kFirstChunk = 1u << kFirstChunkBits;
  static constexpr int kMaxChunks = 32 - kShardBits - kFirstChunkBits + 1;
  static constexpr std::size_t kBlockSize = std::size_t{64} << 10;

  struct Shard {
    std::mutex mutex;
    // Open addressing, linear probing, at most half full: a slot holds the
    // upper half of its text's hash (where the probe starts and what is
    // compared before the text) over the entry's local index + 1; 0 is
    // empty.
    std::vector<std::uint64_t> slots;
    std::uint32_t count = 0;  // entries
    // Entry tables never move: a reader needs no lock.
    std::array<std::unique_ptr<std::string_view[]>, kMaxChunks> chunks;
    std::vector<std::unique_ptr<char[]>> blocks;
    char* block = nullptr;  // where the next small text goes
    std::size_t block_left = 0;
    std::size_t allocated = 0;
  };
  std::string_view store(Shard& shard, std::string_view s);
  static std::string_view entry(const Shard& shard, std::uint32_t local) {
    // Entry chunks double in size: chunk k holds kFirstChunk << k entries.
    std::uint32_t biased = local + kFirstChunk;
    int chunk = std::bit_width(biased) - 1 - kFirstChunkBits;
    return shard.chunks[chunk][biased - (kFirstChunk << chunk)];
  }
  static void grow(Shard& shard);

  std::array<Shard, kShards> shards_;
};

}  // namespace launchlint
