#include "linter/yaml/string_pool.h"

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

namespace launchlint {

TEST_CASE("string pool: one id per text, and the text back") {
  StringPool pool;
  std::uint32_t a = pool.intern("apiVersion");
  CHECK(pool.intern("apiVersion") == a);
  std::uint32_t b = pool.intern("kind");
  CHECK(b != a);
  CHECK(pool.get(a) == "apiVersion");
  CHECK(pool.get(b) == "kind");
  std::uint32_t empty = pool.intern("");
  CHECK(pool.intern(std::string_view()) == empty);
  CHECK(pool.get(empty).empty());
  CHECK(pool.get(empty).data() != nullptr);
  // Text with a NUL inside is its own entry, and a prefix is another.
  std::uint32_t nul = pool.intern(std::string_view("ab\0c", 4));
  CHECK(pool.get(nul) == std::string_view("ab\0c", 4));
  CHECK(pool.intern("ab") != nul);
  CHECK(pool.size() == 5);
}

TEST_CASE("string pool: ids and views hold while the tables grow") {
  StringPool pool;
  constexpr int kCount = 200000;
  std::vector<std::uint32_t> ids;
  std::vector<std::string_view> views;
  for (int i = 0; i < kCount; ++i) {
    ids.push_back(pool.intern(fmt::format("label-{}", i)));
    views.push_back(pool.get(ids.back()));
  }
  // A large text takes a block of its own.
  std::string large(1 << 20, 'x');
  std::uint32_t large_id = pool.intern(large);
  CHECK(pool.size() == kCount + 1);
  int wrong = 0;
  for (int i = 0; i < kCount; ++i) {
    std::string text = fmt::format("label-{}", i);
    if (pool.intern(text) != ids[i] || pool.get(ids[i]) != text ||
        views[i].data() != pool.get(ids[i]).data())
      ++wrong;
  }
  CHECK(wrong == 0);
  CHECK(pool.intern(large) == large_id);
  CHECK(pool.get(large_id) == large);
  CHECK(pool.memory_bytes() > std::size_t{kCount} * 8);
}

TEST_CASE("string pool: threads interning the same texts agree") {
  StringPool pool;
  constexpr int kTexts = 20000;
  std::vector<std::vector<std::uint32_t>> seen(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kTexts; ++i) {
        int k = (t % 2 == 0) ? i : kTexts - 1 - i;  // two orders
        seen[t].push_back(pool.intern(fmt::format("v{}", k)));
      }
      if (t % 2 == 1) std::reverse(seen[t].begin(), seen[t].end());
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(pool.size() == kTexts);
  for (int t = 1; t < 4; ++t) CHECK(seen[t] == seen[0]);
  CHECK(pool.get(seen[0][123]) == "v123");
}

}  // namespace launchlint
