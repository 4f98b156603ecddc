// Golden files for the output writers: the fixture set under
// testdata/outputs/ rendered as text (plain and colored), JSON and SARIF, and
// the review of testdata/review-output/ as text, markdown and JSON, must
// match tests/golden/ byte for byte. The reports are machine independent:
// paths are relative to the source folder, %SRCROOT% is a fixed folder and
// the tool version is written as @VERSION@. Rule messages and the docs of
// the rules that fire are part of the SARIF golden: a change to them needs a
// regeneration too.
// Regenerate after an intended change with:
//   UPDATE_GOLDEN=1 ./build/launchlint_tests -tc="golden*"
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

#include <fmt/format.h>

#include "tests/output_test_support.h"

namespace launchlint {

namespace {

std::string without_version(std::string text) {
  std::string quoted = fmt::format("\"{}\"", tool_version());
  for (std::size_t at = 0; (at = text.find(quoted, at)) != std::string::npos;) {
    text.replace(at, quoted.size(), "\"@VERSION@\"");
    at += 11;
  }
  return text;
}

// Where `got` and `want` first differ, with the lines around it.
std::string first_difference(const std::string& got, const std::string& want) {
  std::size_t at = 0;
  while (at < got.size() && at < want.size() && got[at] == want[at]) ++at;
  auto around = [&](const std::string& s) {
    std::size_t from = at > 80 ? at - 80 : 0;
    return s.substr(from, 160);
  };
  return fmt::format("first difference at byte {}\n--- got:\n{}\n--- want:\n{}",
                     at, around(got), around(want));
}

void check_golden(const std::string& name, const std::string& got) {
  testing::fs::path path = testing::source_path("tests/golden") / name;
  if (std::getenv("UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << got;
    MESSAGE("updated ", path.string());
    return;
  }
  REQUIRE_MESSAGE(testing::fs::exists(path), path.string(),
                  " is missing: run with UPDATE_GOLDEN=1");
  std::string want = testing::read_file(path);
  INFO(name, ": ", first_difference(got, want));
  CHECK(got == want);
}

}  // namespace

TEST_CASE("golden: text, JSON and SARIF writers") {
  testing::Linted linted = testing::lint_fixtures();
  REQUIRE(linted.run.findings.size() == 7);
  check_golden("outputs.txt", linted.text());
  check_golden("outputs.color.txt", linted.text(/*color=*/true));
  check_golden("outputs.json", without_version(linted.json()));
  // Only the rules that fired, so that new rules do not touch the golden.
  check_golden("outputs.sarif", without_version(linted.sarif(false)));
}

TEST_CASE("golden: review text, markdown and JSON writers") {
  auto reviewed = testing::review_fixture();
  REQUIRE(reviewed->review.workloads.size() == 4);
  CHECK(reviewed->review.decision.verdict == Verdict::Block);
  check_golden("review.txt", reviewed->text());
  check_golden("review.color.txt", reviewed->text(/*color=*/true));
  check_golden("review.md", reviewed->markdown());
  check_golden("review.json", without_version(reviewed->json()));
}

}  // namespace launchlint
