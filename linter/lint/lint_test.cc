#include "linter/lint/lint.h"

#include <doctest/doctest.h>

#include <string>

namespace launchlint {

namespace {

const char* kPod =
    "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n"
    "  - name: c\n    image: nginx\n";

std::vector<const Finding*> of_file(const LintRun& run, std::string_view file) {
  std::vector<const Finding*> out;
  for (const Finding& f : run.findings)
    if (f.location.file_name() == file) out.push_back(&f);
  return out;
}

bool has_rule_at(const LintRun& run, std::string_view file,
                 std::string_view rule, std::uint32_t line,
                 std::uint32_t column) {
  for (const Finding* f : of_file(run, file)) {
    if (f->rule->name == rule && f->location.line == line &&
        f->location.column == column)
      return true;
  }
  return false;
}

}  // namespace

TEST_CASE("bad files are findings at their line; good files are still linted") {
  std::string bom = std::string("\xEF\xBB\xBF") + kPod;
  std::string crlf;
  for (char c : std::string(kPod)) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  LintRun run = lint_texts(
      {{"bad.yaml", "kind: A\nspec: [\n"},
       {"binary.yaml", std::string("kind: A\n\0\x01\x02", 11)},
       {"latin1.yaml", "kind: A\nname: caf\xe9\n"},
       {"utf16.yaml", std::string("\xFF\xFEk\0i\0", 6)},
       {"bom.yaml", bom},
       {"crlf.yaml", crlf},
       {"good.yaml", kPod}},
      LintOptions{});
  CHECK(has_rule_at(run, "bad.yaml", "yaml-syntax", 3, 1));
  CHECK(has_rule_at(run, "binary.yaml", "yaml-syntax", 2, 1));
  CHECK(has_rule_at(run, "latin1.yaml", "yaml-syntax", 2, 10));
  CHECK(has_rule_at(run, "utf16.yaml", "yaml-syntax", 1, 1));
  // The image finding points at the value "nginx" on line 8, column 12, in
  // every variant of the same Pod.
  for (std::string_view f : {"bom.yaml", "crlf.yaml", "good.yaml"}) {
    CAPTURE(f);
    CHECK(has_rule_at(run, f, "image-not-pinned", 8, 12));
    CHECK_FALSE(has_rule_at(run, f, "yaml-syntax", 1, 1));
  }
  CHECK(run.model.objects.size() == 3);
}

}  // namespace launchlint
