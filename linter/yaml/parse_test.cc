#include "linter/yaml/parse.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>

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

TEST_CASE("text is never a null view, even when empty") {
  // rapidjson and memcpy must not get a null pointer, even for no bytes.
  ParsedStream p = parse(": null key\nempty: \"\"\nmap: {}\n");
  REQUIRE(p.documents.size() == 1);
  NodeRef root = p.documents[0]->root();
  REQUIRE(root.size() == 3);
  CHECK(root.key_at(0).str().empty());
  CHECK(root.key_at(0).str().data() != nullptr);
  CHECK(root["empty"].str().empty());
  CHECK(root["empty"].str().data() != nullptr);
  CHECK(root["map"].str().data() != nullptr);
  CHECK(root["missing"].str().data() != nullptr);
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
  // Past the eight-byte fast scan: long ASCII lines, then the bad byte.
  std::string text = "metadata:\n  name: a-rather-long-name-for-a-pod\n";
  CHECK(check_encoding(text + "  x: caf\xc3\xa9 and more ascii text\n", &d));
  CHECK_FALSE(check_encoding(text + "  labels: {app: \xe2\x82}\n", &d));
  CHECK(d.line == 3);
  CHECK(d.column == 17);
  std::string nul = text + "  annotations: {a: b}";
  nul += '\0';
  CHECK_FALSE(check_encoding(nul, &d));
  CHECK(d.line == 3);
  CHECK(d.column == 22);
  CHECK(d.message.find("NUL") != std::string::npos);
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

namespace {

// Reference answers: visit every branch, first match wins.
bool dfs_path(NodeRef node, NodeRef target, std::string* path, NodeRef* key) {
  if (node == target) return true;
  for (std::uint32_t i = 0; i < node.size(); ++i) {
    std::size_t keep = path->size();
    if (node.is_map()) {
      std::string_view k = node.key_at(i).str();
      if (!path->empty()) path->push_back('.');
      *path += k.find_first_of(".[]\"") == std::string_view::npos
                   ? std::string(k)
                   : fmt::format("\"{}\"", k);
      if (node.key_at(i) == target) {
        *key = NodeRef();
        return true;
      }
    } else {
      *path += fmt::format("[{}]", i);
    }
    if (node.at(i) == target) {
      *key = node.is_map() ? node.key_at(i) : NodeRef();
      return true;
    }
    if (dfs_path(node.at(i), target, path, key)) return true;
    path->resize(keep);
  }
  return false;
}

}  // namespace

TEST_CASE("path_of and key_of find every node, aliases and merge keys too") {
  ParsedStream p = parse(R"(kind: Deployment
metadata: {name: x, labels: {a.b/c: d, e: [1, {f: g}]}}
base: &base
  cpu: 1
  nested: {deep: [a, [b, c], {d: e}]}
spec:
  template:
    spec:
      containers:
      - name: a
        resources:
          <<: *base
          memory: 1Gi
      - {name: b, args: [--x, "--y"], env: [{name: N, value: v}]}
      - *base
  empty: {}
  list: []
  "quoted.key": [[[]], [{}]]
---
- top
- [level, {two: [three]}]
)");
  REQUIRE(p.documents.size() == 2);
  int checked = 0;
  for (const auto& doc : p.documents) {
    const Document& d = *doc;
    for (std::uint32_t i = 0; i < d.node_count(); ++i) {
      NodeRef node(&d, i);
      std::string want;
      NodeRef want_key;
      if (!dfs_path(d.root(), node, &want, &want_key)) continue;
      CAPTURE(i);
      CHECK(d.path_of(node) == want);
      NodeRef key = d.key_of(node);
      CHECK(key.valid() == want_key.valid());
      if (key.valid()) CHECK(key.str() == want_key.str());
      ++checked;
    }
  }
  CHECK(checked > 60);
  const Document& d = *p.documents[0];
  NodeRef deep =
      d.root()["spec"]["template"]["spec"]["containers"].at(1)["env"].at(
          0)["value"];
  CHECK(d.path_of(deep) == "spec.template.spec.containers[1].env[0].value");
  CHECK(d.key_of(deep).str() == "value");
  NodeRef label = d.root()["metadata"]["labels"]["e"].at(1)["f"];
  CHECK(d.path_of(label) == "metadata.labels.e[1].f");
  CHECK(d.path_of(d.root()["spec"]["quoted.key"].at(1).at(0)) ==
        "spec.\"quoted.key\"[1][0]");
  CHECK(d.path_of(d.root()) == "");
  CHECK_FALSE(d.key_of(d.root()).valid());
  const Document& list = *p.documents[1];
  CHECK(list.path_of(list.root().at(1).at(1)["two"].at(0)) == "[1][1].two[0]");
}

}  // namespace launchlint
