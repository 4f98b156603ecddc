#include "linter/yaml/string_pool.h"

#include <cstring>
#include <functional>

namespace launchlint {

StringPool::StringPool()
    : blocks_(std::make_unique<std::unique_ptr<char[]>[]>(kMaxBlocks)) {}

bool StringPool::intern(std::string_view s, std::uint32_t* id) {
  if (s.size() > kMaxLength) return false;
  std::size_t hash = std::hash<std::string_view>()(s);
  Shard& shard = shards_[hash % kShards];
  std::lock_guard<std::mutex> lock(shard.mutex);
  auto found = shard.ids.find(s);
  if (found != shard.ids.end()) {
    *id = found->second;
    return true;
  }
  if (shard.used + s.size() > kBlockSize) {
    std::uint32_t block = next_block_.fetch_add(1);
    if (block >= kMaxBlocks) {
      next_block_ = static_cast<std::uint32_t>(kMaxBlocks);
      return false;
    }
    blocks_[block] = std::make_unique<char[]>(kBlockSize);
    shard.block = block;
    shard.used = 0;
  }
  char* at = blocks_[shard.block].get() + shard.used;
  if (!s.empty()) std::memcpy(at, s.data(), s.size());
  *id = (shard.block << kBlockBits) | shard.used;
  shard.used += static_cast<std::uint32_t>(s.size());
  shard.ids.emplace(std::string_view(at, s.size()), *id);
  return true;
}

void StringPool::freeze() {
  for (Shard& shard : shards_) {
    std::lock_guard<std::mutex> lock(shard.mutex);
    std::unordered_map<std::string_view, std::uint32_t>().swap(shard.ids);
    shard.used = kBlockSize;  // a later intern starts a fresh block
  }
}

}  // namespace launchlint
