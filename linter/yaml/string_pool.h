#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string_view>
#include <unordered_map>
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
    const Shard& shard = shards_[id & kShardMask];
    // Entry chunks double in size: chunk k holds kFirstChunk << k entries.
    std::uint32_t biased = (id >> kShardBits) + kFirstChunk;
    int chunk = std::bit_width(biased) - 1 - kFirstChunkBits;
    return shard.chunks[chunk][biased - (kFirstChunk << chunk)];
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

  // Text with its hash, worked out once per intern().
  struct Key {
    std::string_view text;
    std::size_t hash;
    bool operator==(const Key& other) const { return text == other.text; }
  };
  struct KeyHash {
    std::size_t operator()(const Key& key) const { return key.hash; }
  };
  struct Shard {
    std::mutex mutex;
    std::unordered_map<Key, std::uint32_t, KeyHash> ids;
    std::uint32_t count = 0;  // entries
    // Entry tables never move: a reader needs no lock.
    std::array<std::unique_ptr<std::string_view[]>, kMaxChunks> chunks;
    std::vector<std::unique_ptr<char[]>> blocks;
    char* block = nullptr;  // where the next small text goes
    std::size_t block_left = 0;
    std::size_t allocated = 0;
  };
  std::string_view store(Shard& shard, std::string_view s);

  std::array<Shard, kShards> shards_;
};

}  // namespace launchlint
