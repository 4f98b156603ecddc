#include "linter/yaml/string_pool.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <new>

namespace launchlint {

std::string_view StringPool::store(Shard& shard, std::string_view s) {
  if (s.empty()) return "";  // never a null view: C APIs take its data()
  char* at;
  if (s.size() > kBlockSize / 4) {  // large text gets a block of its own
    shard.blocks.push_back(std::make_unique_for_overwrite<char[]>(s.size()));
    shard.allocated += s.size();
    at = shard.blocks.back().get();
  } else {
    if (shard.block_left < s.size()) {
      shard.blocks.push_back(
          std::make_unique_for_overwrite<char[]>(kBlockSize));
      shard.allocated += kBlockSize;
      shard.block = shard.blocks.back().get();
      shard.block_left = kBlockSize;
    }
    at = shard.block;
    shard.block += s.size();
    shard.block_left -= s.size();
  }
  std::memcpy(at, s.data(), s.size());
  return {at, s.size()};
}

void StringPool::grow(Shard& shard) {
  std::vector<std::uint64_t> slots(
      std::max<std::size_t>(1024, shard.slots.size() * 2));
  std::size_t mask = slots.size() - 1;
  for (std::uint64_t slot : shard.slots) {
    if (slot == 0) continue;
    std::size_t i = (slot >> 32) & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = slot;
  }
  shard.slots = std::move(slots);
}

std::uint32_t StringPool::intern(std::string_view s) {
  std::size_t hash = std::hash<std::string_view>()(s);
  auto shard_index = static_cast<std::uint32_t>(hash & kShardMask);
  // The shard takes the low bits, the table the high ones.
  auto high =
      static_cast<std::uint32_t>(static_cast<std::uint64_t>(hash) >> 32);
  Shard& shard = shards_[shard_index];
  std::lock_guard<std::mutex> lock(shard.mutex);
  if ((std::size_t{shard.count} + 1) * 2 > shard.slots.size()) grow(shard);
  std::size_t mask = shard.slots.size() - 1;
  std::size_t i = high & mask;
  for (; shard.slots[i] != 0; i = (i + 1) & mask) {
    std::uint64_t slot = shard.slots[i];
    if ((slot >> 32) != high) continue;
    auto local = static_cast<std::uint32_t>(slot) - 1;
    if (entry(shard, local) == s) return (local << kShardBits) | shard_index;
  }
  std::uint32_t local = shard.count;
  if (local >= (1u << (32 - kShardBits)) - kFirstChunk) throw std::bad_alloc();
  std::uint32_t biased = local + kFirstChunk;
  int chunk = std::bit_width(biased) - 1 - kFirstChunkBits;
  if (!shard.chunks[chunk]) {
    shard.chunks[chunk] = std::make_unique_for_overwrite<std::string_view[]>(
        kFirstChunk << chunk);
  }
  shard.chunks[chunk][biased - (kFirstChunk << chunk)] = store(shard, s);
  ++shard.count;
  shard.slots[i] = (std::uint64_t{high} << 32) | (local + 1);
  return (local << kShardBits) | shard_index;
}

std::size_t StringPool::memory_bytes() const {
  std::size_t bytes = 0;
  for (const Shard& shard : shards_) {
    bytes += shard.allocated + shard.count * sizeof(std::string_view) +
             shard.slots.capacity() * sizeof(std::uint64_t);
  }
  return bytes;
}

std::size_t StringPool::size() const {
  std::size_t n = 0;
  for (const Shard& shard : shards_) n += shard.count;
  return n;
}

}  // namespace launchlint
