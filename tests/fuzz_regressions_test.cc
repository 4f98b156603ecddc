// Replays tests/fuzz_regressions/<target>/ through the fuzz targets (the same
// code libFuzzer runs, fuzz/targets.h): each file is an input that once
// crashed, hung or failed a check (YAML ones say which in a comment).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

#include "fuzz/checks.h"
#include "fuzz/targets.h"

namespace launchlint {

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> inputs(std::string_view target) {
  fs::path dir =
      fs::path(LAUNCHLINT_SOURCE_DIR) / "tests/fuzz_regressions" / target;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir))
    files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void replay(std::string_view target, void (*run)(std::string_view)) {
  std::vector<fs::path> files = inputs(target);
  CHECK_FALSE(files.empty());
  for (const fs::path& file : files) {
    CAPTURE(file);
    CHECK_NOTHROW(run(read(file)));
  }
}

}  // namespace

TEST_CASE("fuzz regressions: loader") { replay("loader", fuzz::loader); }
TEST_CASE("fuzz regressions: config") { replay("config", fuzz::config); }
TEST_CASE("fuzz regressions: lsp") { replay("lsp", fuzz::lsp); }

TEST_CASE("fuzz checks fail on what they check") {
  CHECK_THROWS_AS(fuzz::check_json("{\"a\":", "x"), fuzz::CheckFailed);
  CHECK_THROWS_AS(fuzz::check_json("\"\xff\"", "x"), fuzz::CheckFailed);
  CHECK_NOTHROW(fuzz::check_json("{\"a\":[1,\"\xc3\xa9\"]}", "x"));
}

}  // namespace launchlint
