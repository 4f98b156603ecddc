#include "linter/output/utf8.h"

#include <sstream>

#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include "linter/lint/lint.h"
#include "linter/output/report.h"

namespace launchlint {

TEST_CASE("as_utf8 keeps UTF-8 and replaces what is not") {
  const std::string r = "\xEF\xBF\xBD";  // U+FFFD
  std::string storage;
  CHECK(as_utf8("plain é 😀", &storage) == "plain é 😀");
  CHECK(storage.empty());
  CHECK(as_utf8("a\xff!", &storage) == "a" + r + "!");
  CHECK(as_utf8("\xc3", &storage) == r);                          // cut short
  CHECK(as_utf8("\xc0\xaf", &storage) == r + r);                  // overlong
  CHECK(as_utf8("\xed\xa0\x80", &storage) == r + r + r);          // a surrogate
  CHECK(as_utf8("\xf4\x90\x80\x80", &storage) == r + r + r + r);  // > U+10FFFF
}

TEST_CASE("JSON output is UTF-8 for a file name that is not") {
  LintRun run = lint_texts({{"bad\xff.yaml", "kind: [\n"}}, LintOptions{});
  REQUIRE_FALSE(run.findings.empty());
  Report report{run.findings, run.model.stats, {}, run.model.objects.size()};
  std::ostringstream json;
  write_json(json, report);
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseValidateEncodingFlag>(json.str().c_str());
  CHECK_FALSE(doc.HasParseError());
  CHECK(json.str().find("bad\xEF\xBF\xBD.yaml") != std::string::npos);
}

TEST_CASE("JSON and SARIF escape every control character") {
  // rapidjson's SSE2 string path (not used) left 0x1A-0x1F raw.
  std::string name = "c";
  for (char c = 1; c < 0x20; ++c) name += c;
  name += ".yaml";
  LintRun run = lint_texts({{name, "kind: [\n"}}, LintOptions{});
  REQUIRE_FALSE(run.findings.empty());
  Report report{run.findings, run.model.stats, {}, run.model.objects.size()};
  for (bool sarif : {false, true}) {
    CAPTURE(sarif);
    std::ostringstream out;
    if (sarif) {
      write_sarif(out, report, SarifOptions{});
    } else {
      write_json(out, report);
    }
    for (char c = 1; c < 0x20; ++c) {
      CAPTURE(static_cast<int>(c));
      bool raw = c != '\n' && out.str().find(c) != std::string::npos;
      CHECK_FALSE(raw);
    }
    rapidjson::Document doc;
    doc.Parse(out.str().c_str());
    CHECK_FALSE(doc.HasParseError());
  }
}

}  // namespace launchlint
