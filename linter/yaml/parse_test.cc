#include "linter/yaml/parse.h"

#include <doctest/doctest.h>

#include <string>

#include <fmt/format.h>

namespace launchlint {

namespace {
ParsedStream parse(std::string_view text, ParseLimits limits = {}) {
  return parse_stream(text, std::make_shared<const std::string>("t.yaml"),
                      limits);
}
}  // namespace

TEST_CASE("nodes keep 1-based lines and columns") {
  ParsedStream p = parse("a: 1\nb:\n  c: [x, \"y\"]\n");
  REQUIRE(p.documents.size() == 1);
  NodeRef root = p.documents[0]->root();
  CHECK(root["a"].str() == "1");
  CHECK(root["a"].line() == 1);
  CHECK(root["a"].column() == 4);
  NodeRef c = root["b"]["c"];
  CHECK(c.is_seq());
  CHECK(c.line() == 3);
  CHECK(c.column() == 6);
  CHECK(c.at(1).str() == "y");
  CHECK(c.at(1).quoted());
  CHECK_FALSE(c.at(0).quoted());
  CHECK(c.at(1).column() == 10);
  CHECK(root.key_node("b").line() == 2);
}

TEST_CASE("multi-document streams, empty documents and Helm sources") {
  ParsedStream p = parse(
      "---\n# Source: chart/templates/a.yaml\nkind: A\n---\n---\n"
      "# Source: chart/templates/b.yaml\nkind: B\n...\n---\nkind: C\n");
  REQUIRE(p.documents.size() == 3);
  CHECK(p.empty_documents == 1);
  CHECK(p.documents[0]->helm_source == "chart/templates/a.yaml");
  CHECK(p.documents[1]->helm_source == "chart/templates/b.yaml");
  CHECK(p.documents[2]->helm_source.empty());
  CHECK(p.documents[2]->root()["kind"].line() == 10);
}

TEST_CASE("null scalars are null; quoted null is a string") {
  ParsedStream p = parse("a: null\nb: ~\nc:\nd: \"null\"\n");
  NodeRef root = p.documents[0]->root();
  CHECK(root["a"].is_null());
  CHECK(root["b"].is_null());
  CHECK(root["c"].is_null());
  CHECK(root["c"].valid());
  CHECK(root["d"].is_scalar());
}

TEST_CASE("JSON documents parse") {
  ParsedStream p = parse("{\"kind\": \"Pod\",\n \"spec\": {\"a\": [1, 2]}}\n");
  REQUIRE(p.documents.size() == 1);
  CHECK(p.documents[0]->root()["spec"]["a"].size() == 2);
  CHECK(p.documents[0]->root()["spec"].line() == 2);
}

TEST_CASE("a syntax error is a diagnostic and parsing resumes after it") {
  ParsedStream p = parse("kind: A\n---\nkind: [B\n---\nkind: C\n");
  REQUIRE(p.diagnostics.size() == 1);
  CHECK(p.diagnostics[0].rule == "yaml-syntax");
  CHECK(p.diagnostics[0].line >= 3);
  REQUIRE(p.documents.size() == 2);
  CHECK(p.documents[0]->root()["kind"].str() == "A");
  CHECK(p.documents[1]->root()["kind"].str() == "C");
  CHECK(p.documents[1]->root()["kind"].line() == 5);
}

TEST_CASE("duplicate keys are reported at the second occurrence") {
  ParsedStream p = parse("a: 1\nb: 2\na: 3\n");
  REQUIRE(p.diagnostics.size() == 1);
  CHECK(p.diagnostics[0].rule == "duplicate-key");
  CHECK(p.diagnostics[0].line == 3);
  CHECK(p.diagnostics[0].column == 1);
  CHECK(p.diagnostics[0].message.find("line 1") != std::string::npos);
}

TEST_CASE("duplicate keys in large maps use the hashed path") {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "k" + std::to_string(i) + ": v\n";
  text += "k7: again\n";
  ParsedStream p = parse(text);
  REQUIRE(p.diagnostics.size() == 1);
  CHECK(p.diagnostics[0].line == 41);
}

TEST_CASE("merge keys and aliases") {
  ParsedStream p =
      parse("base: &b {x: 1, y: 2}\nderived:\n  <<: *b\n  y: 3\nref: *b\n");
  REQUIRE(p.diagnostics.empty());
  NodeRef root = p.documents[0]->root();
  CHECK(root["derived"]["x"].str() == "1");
  CHECK(root["derived"]["y"].str() == "3");
  CHECK(root["derived"].size() == 2);
  CHECK(root["ref"]["y"].str() == "2");
}

TEST_CASE("alias bombs stop at the expansion budget") {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + prev;
    bomb += "]\n";
    prev = c;
  }
  bomb += "---\nkind: after\n";
  ParsedStream p = parse(bomb);
  REQUIRE(p.diagnostics.size() == 1);
  CHECK(p.diagnostics[0].message.find("aliases expand") != std::string::npos);
  REQUIRE(p.documents.size() == 1);
  CHECK(p.documents[0]->root()["kind"].str() == "after");
}

TEST_CASE("deep nesting is bounded") {
  std::string deep(10000, '[');
  deep += std::string(10000, ']');
  ParsedStream p = parse(deep);
  REQUIRE(p.diagnostics.size() == 1);
  CHECK(p.documents.empty());

  std::string block;
  for (int i = 0; i < 1500; ++i) block += std::string(i * 2, ' ') + "k:\n";
  ParsedStream q = parse(block);
  CHECK(q.diagnostics.size() == 1);
}

TEST_CASE("encoding checks name the line and column") {
  ParseDiagnostic d;
  CHECK(check_encoding("a: b\nc: d\n", &d));
  CHECK_FALSE(check_encoding(std::string_view("a: b\nc: \0\n", 10), &d));
  CHECK(d.line == 2);
  CHECK(d.column == 4);
  CHECK_FALSE(check_encoding("ok: \xff\n", &d));
  CHECK(d.line == 1);
  CHECK(d.column == 5);
  CHECK(check_encoding("caf\xc3\xa9: \xe2\x82\xac\n", &d));
  CHECK_FALSE(check_encoding("\xc0\xaf", &d));  // overlong
}

TEST_CASE("path_of names the YAML path") {
  ParsedStream p = parse(
      "spec:\n  containers:\n  - name: a\n    image: x\n"
      "metadata:\n  labels:\n    app.kubernetes.io/name: y\n");
  const Document& d = *p.documents[0];
  NodeRef image = d.root()["spec"]["containers"].at(0)["image"];
  CHECK(d.path_of(image) == "spec.containers[0].image");
  NodeRef label = d.root()["metadata"]["labels"]["app.kubernetes.io/name"];
  CHECK(d.path_of(label) == "metadata.labels.\"app.kubernetes.io/name\"");
}

}  // namespace launchlint

namespace launchlint {

TEST_CASE("split_documents cuts at column-0 markers and keeps line numbers") {
  std::string_view text = "a: 1\n---\nb: 2\n  ---\n...\n--- c\nd: |\n  ---\n";
  std::vector<DocumentChunk> c = split_documents(text, 10);
  REQUIRE(c.size() == 3);
  CHECK(text.substr(c[0].offset, c[0].size) == "a: 1\n");
  CHECK(c[0].first_line == 10);
  CHECK(text.substr(c[1].offset, c[1].size) == "---\nb: 2\n  ---\n");
  CHECK(c[1].first_line == 11);
  // "..." ends the document before it and belongs to neither.
  CHECK(text.substr(c[2].offset, c[2].size) == "--- c\nd: |\n  ---\n");
  CHECK(c[2].first_line == 15);
  CHECK(split_documents("---x: 1\n").size() == 1);  // not a marker
}

TEST_CASE("CRLF line endings keep lines, columns and scalar text") {
  ParsedStream p = parse("a: 1\r\nb:\r\n  c: [x, \"y\"]\r\n---\r\nd: e\r\n");
  REQUIRE(p.documents.size() == 2);
  REQUIRE(p.diagnostics.empty());
  NodeRef c = p.documents[0]->root()["b"]["c"];
  CHECK(c.line() == 3);
  CHECK(c.column() == 6);
  CHECK(c.at(1).str() == "y");
  CHECK(p.documents[0]->root()["a"].str() == "1");
  CHECK(p.documents[1]->root()["d"].str() == "e");
  CHECK(p.documents[1]->root()["d"].line() == 5);
  CHECK(p.documents[1]->root()["d"].column() == 4);
}

TEST_CASE("a tab in indentation is a syntax error that says so") {
  ParsedStream p = parse("kind: A\nmetadata:\n\tname: x\n---\nkind: B\n");
  REQUIRE(p.diagnostics.size() == 1);
  CHECK(p.diagnostics[0].line == 3);
  CHECK(p.diagnostics[0].message.find("tab") != std::string::npos);
  REQUIRE(p.documents.size() == 1);
  CHECK(p.documents[0]->root()["kind"].str() == "B");
  // Tabs inside values are fine.
  ParsedStream q = parse("a: \"x\\ty\"\nb: x\ty\n");
  CHECK(q.diagnostics.empty());
  CHECK(q.documents[0]->root()["b"].str() == "x\ty");
}

TEST_CASE("malformed YAML of many kinds is a diagnostic, never an exception") {
  const char* bad[] = {"a: [1, 2\n",   "a: {b: 1\n",      "a: \"open\n",
                       "a: 'open\n",   "- a\nb: c\n",     "a: b: c\n",
                       "? [\n",        "&a [*a]\n",       "*nope\n",
                       "!!binary |\n", "a: *\n",          "]\n",
                       "}{\n",         "a:\n - b\n  c\n", "%YAML 9.9\n---\n",
                       "%TAG\n---\n",  "a: !<\n",         "\"\\x\"\n"};
  for (const char* text : bad) {
    CAPTURE(text);
    ParsedStream p;
    CHECK_NOTHROW(p = parse(text));
    for (const ParseDiagnostic& d : p.diagnostics) {
      CHECK(d.line >= 1);
      CHECK(d.column >= 1);
      CHECK_FALSE(d.message.empty());
    }
  }
  ParsedStream p = parse("a: [1, 2\n");
  REQUIRE(p.diagnostics.size() == 1);
  CHECK(p.diagnostics[0].message.find("YAML syntax error") == 0);
}

TEST_CASE("10,000-deep nesting, flow and block, is refused with its line") {
  std::string flow = "kind: A\n---\nx: " + std::string(10000, '[') +
                     std::string(10000, ']') + "\n---\nkind: B\n";
  ParsedStream p = parse(flow);
  REQUIRE(p.diagnostics.size() == 1);
  CHECK(p.diagnostics[0].line == 3);
  CHECK(p.diagnostics[0].column == 4 + 400);
  CHECK(p.diagnostics[0].message.find("nesting deeper than 400") !=
        std::string::npos);
  REQUIRE(p.documents.size() == 2);
  CHECK(p.documents[1]->root()["kind"].str() == "B");

  std::string maps;
  for (int i = 0; i < 10000; ++i) maps += "{a: ";
  maps += "1" + std::string(10000, '}');
  CHECK(parse(maps).diagnostics.size() == 1);

  // Block sequences nest without indentation: "- - - - x".
  std::string dashes;
  for (int i = 0; i < 10000; ++i) dashes += "- ";
  ParsedStream q = parse("kind: A\n---\n" + dashes + "x\n");
  REQUIRE(q.diagnostics.size() == 1);
  CHECK(q.diagnostics[0].line == 3);
  CHECK(q.diagnostics[0].message.find("nesting deeper") != std::string::npos);
  CHECK(q.documents.size() == 1);

  std::string block;
  for (int i = 0; i < 10000; ++i) block += std::string(i, ' ') + "k:\n";
  ParsedStream r = parse(block, ParseLimits{.max_document_bytes = 64 << 20});
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].message.find("nesting deeper") != std::string::npos);
  CHECK(r.diagnostics[0].line > 100);
}

TEST_CASE("nesting up to the limit still loads") {
  std::string ok = "x: " + std::string(300, '[') + std::string(300, ']');
  ParsedStream p = parse(ok);
  CHECK(p.diagnostics.empty());
  CHECK(p.documents.size() == 1);
}

TEST_CASE("billion laughs: the alias budget stops it with the line") {
  std::string bomb = "kind: A\n---\nlol0: &a0 [lol, lol, lol, lol, lol]\n";
  for (int i = 1; i < 30; ++i) {
    bomb += fmt::format("lol{}: &a{} [", i, i);
    for (int k = 0; k < 9; ++k)
      bomb += fmt::format("{}*a{}", k ? ", " : "", i - 1);
    bomb += "]\n";
  }
  bomb += "---\nkind: B\n";
  ParsedStream p = parse(bomb);
  REQUIRE(p.diagnostics.size() == 1);
  CHECK(p.diagnostics[0].message.find("alias bomb") != std::string::npos);
  CHECK(p.diagnostics[0].line >= 3);
  REQUIRE(p.documents.size() == 2);
  CHECK(p.documents[1]->root()["kind"].str() == "B");
}

TEST_CASE("documents over the size or node limit are refused unread") {
  ParseLimits small;
  small.max_document_bytes = 1000;
  std::string big = "kind: A\n---\ndata:\n  x: " + std::string(2000, 'a') +
                    "\n---\nkind: C\n";
  ParsedStream p = parse(big, small);
  REQUIRE(p.diagnostics.size() == 1);
  CHECK(p.diagnostics[0].line == 2);
  CHECK(p.diagnostics[0].message.find("document is 2016 bytes, over the "
                                      "1000 bytes limit") == 0);
  CHECK(p.documents.size() == 2);

  ParseLimits few;
  few.max_nodes = 100;
  std::string keys = "data:\n";
  for (int i = 0; i < 200; ++i) keys += fmt::format("  k{}: v\n", i);
  ParsedStream q = parse(keys, few);
  REQUIRE(q.diagnostics.size() == 1);
  CHECK(q.diagnostics[0].message.find("more than 100 nodes") !=
        std::string::npos);
  CHECK(q.documents.empty());
}

TEST_CASE("a Source comment in an empty document names the next one") {
  ParsedStream p = parse(
      "---\n# Source: c/templates/a.yaml\n---\nkind: A\n---\n"
      "# Source: c/templates/b.yaml\nkind: B\n");
  REQUIRE(p.documents.size() == 2);
  CHECK(p.documents[0]->helm_source == "c/templates/a.yaml");
  CHECK(p.documents[1]->helm_source == "c/templates/b.yaml");
}

TEST_CASE("encoding: BOM-less UTF-8 passes, binary and Latin-1 do not") {
  ParseDiagnostic d;
  std::string binary =
      "\x7f"
      "ELF\x02\x01\x01";
  binary += std::string(4, '\0');
  CHECK_FALSE(check_encoding(binary, &d));
  CHECK(d.message.find("binary") != std::string::npos);
  CHECK_FALSE(check_encoding("name: caf\xe9\n", &d));  // Latin-1
  CHECK(d.line == 1);
  CHECK(d.column == 10);
  CHECK_FALSE(check_encoding("a\nb: \xed\xa0\x80\n", &d));  // surrogate
  CHECK(d.line == 2);
  CHECK_FALSE(check_encoding("\xf4\x90\x80\x80", &d));  // above U+10FFFF
  CHECK_FALSE(check_encoding("\xe2\x82", &d));          // truncated
}

}  // namespace launchlint
