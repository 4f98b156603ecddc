#include "linter/lint/lint.h"

#include <doctest/doctest.h>

#include <string>

#include <fmt/format.h>

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
  LintRun run =
      lint_texts({{"bad.yaml", "kind: A\nspec: [\n"},
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

namespace launchlint {

TEST_CASE("findings and objects are the same whatever the jobs and batches") {
  std::vector<InMemoryFile> files;
  for (int f = 0; f < 5; ++f) {
    std::string text;
    for (int d = 0; d < 60; ++d) {
      text += fmt::format("---\n# Source: c/templates/t{}.yaml\n", d);
      if (d % 17 == 3) {
        text += "kind: [broken\n";
        continue;
      }
      if (d % 11 == 5) text += "---\n";  // the Source names the next one
      text += fmt::format(
          "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p{}-{}\nspec:\n"
          "  containers:\n  - name: c\n    image: nginx{}\n",
          f, d, d % 3 ? ":1.2" : "");
    }
    files.push_back({fmt::format("f{}.yaml", f), text});
  }
  auto key = [](const LintRun& run) {
    std::vector<std::string> out;
    for (const Finding& f : run.findings) {
      out.push_back(fmt::format("{}:{}:{} {} {} {}", f.location.file_name(),
                                f.location.line, f.location.column, f.rule->id,
                                f.message, f.helm_source));
    }
    for (const Object& o : run.model.objects) {
      out.push_back(fmt::format("{} {} {}", o.id.display(), o.root.line(),
                                o.helm_source()));
    }
    return out;
  };
  LintOptions one;
  one.jobs = 1;
  std::vector<std::string> expected = key(lint_texts(files, one));
  CHECK(expected.size() > 600);
  for (unsigned jobs : {2u, 3u, 8u}) {
    for (std::size_t batch : {std::size_t{0}, std::size_t{700}}) {
      LintOptions options;
      options.jobs = jobs;
      options.batch_bytes = batch;
      CAPTURE(jobs);
      CAPTURE(batch);
      CHECK(key(lint_texts(files, options)) == expected);
    }
  }
}

}  // namespace launchlint
