#include "linter/yaml/string_pool.h"

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

std::uint32_t StringPool::intern(std::string_view s) {
  std::size_t hash = std::hash<std::string_view>()(s);
  auto shard_index = static_cast<std::uint32_t>(hash & kShardMask);
  Shard& shard = shards_[shard_index];
  std::lock_guard<std::mutex> lock(shard.mutex);
  auto found = shard.ids.find(Key{s, hash});
  if (found != shard.ids.end()) return found->second;
  std::uint32_t local = shard.count;
  if (local >= (1u << (32 - kShardBits)) - kFirstChunk) throw std::bad_alloc();
  std::uint32_t biased = local + kFirstChunk;
  int chunk = std::bit_width(biased) - 1 - kFirstChunkBits;
  if (!shard.chunks[chunk]) {
    shard.chunks[chunk] = std::make_unique_for_overwrite<std::string_view[]>(
        kFirstChunk << chunk);
  }
  std::string_view text = store(shard, s);
  shard.chunks[chunk][biased - (kFirstChunk << chunk)] = text;
  ++shard.count;
  std::uint32_t id = (local << kShardBits) | shard_index;
  shard.ids.emplace(Key{text.empty() ? std::string_view("") : text, hash}, id);
  return id;
}

std::size_t StringPool::memory_bytes() const {
  std::size_t bytes = 0;
  for (const Shard& shard : shards_) {
    bytes += shard.allocated + shard.count * sizeof(std::string_view) +
             shard.ids.size() * (sizeof(Key) + 3 * sizeof(void*));
  }
  return bytes;
}

std::size_t StringPool::size() const {
  std::size_t n = 0;
  for (const Shard& shard : shards_) n += shard.count;
  return n;
}

}  // namespace launchlint
