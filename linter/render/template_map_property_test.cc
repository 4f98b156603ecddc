// A manifest without template actions is its own template: every key of
// every document must map to exactly its own line and column.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "linter/render/template_map.h"
#include "linter/yaml/parse.h"

namespace launchlint {

namespace {

namespace fs = std::filesystem;

// A flow mapping inside a flow sequence (`[{ip: 1.2.3.4}]`): its keys map to
// the sequence's key, a known limit of the template search.
bool flow_map_in_flow_seq(std::string_view text, NodeRef seq, NodeRef map) {
  if (!seq.is_seq() || !map.is_map()) return false;
  std::size_t at = 0;
  for (std::uint32_t line = 1; line < seq.line() && at != std::string_view::npos;
       ++line) {
    at = text.find('\n', at);
    if (at != std::string_view::npos) ++at;
  }
  if (at == std::string_view::npos) return false;
  at += seq.column() - 1;
  return at < text.size() && text[at] == '[';
}

void check_keys(std::string_view text, const Document& doc, NodeRef node,
                std::string_view kind, int depth, std::string* problems,
                std::size_t* checked) {
  if (depth > 40) return;
  for (std::uint32_t i = 0; i < node.size(); ++i) {
    NodeRef child = node.at(i);
    if (flow_map_in_flow_seq(text, node, child)) continue;
    if (node.is_map()) {
      NodeRef key = node.key_at(i);
      std::string path = doc.path_of(key);
      TemplateMatch m =
          map_template(text, parse_yaml_path(path), doc.root(), kind);
      ++*checked;
      if (m.line != key.line() || m.column != key.column())
        *problems +=
            fmt::format("{}:{}:{}: {} mapped to {}:{}\n", *doc.file, key.line(),
                        key.column(), path, m.line, m.column);
    }
    check_keys(text, doc, child, kind, depth + 1, problems, checked);
  }
}

}  // namespace

TEST_CASE("plain manifests map every key to itself") {
  std::size_t checked = 0;
  std::string problems;
  for (const char* dir :
       {"testdata/rules", "testdata/examples", "testdata/kustomize"}) {
    fs::path root = fs::path(LAUNCHLINT_SOURCE_DIR) / dir;
    if (!fs::exists(root)) continue;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      if (!e.is_regular_file() || e.path().extension() != ".yaml") continue;
      std::ifstream in(e.path());
      std::stringstream ss;
      ss << in.rdbuf();
      std::string text = ss.str();
      if (text.find("{{") != std::string::npos) continue;  // a chart template
      ParsedStream parsed = parse_stream(
          text, std::make_shared<const std::string>(e.path().string()));
      if (!parsed.diagnostics.empty()) continue;  // syntax error tests
      std::map<std::string, int> kinds;
      for (const auto& doc : parsed.documents)
        ++kinds[std::string(doc->root()["kind"].str())];
      for (const auto& doc : parsed.documents) {
        std::string kind(doc->root()["kind"].str());
        // Several documents of one kind: the template search cannot tell
        // them apart by kind alone.
        if (kinds[kind] > 1 && parsed.documents.size() > 1) continue;
        check_keys(text, *doc, doc->root(), kind, 0, &problems, &checked);
      }
    }
  }
  INFO(problems);
  CHECK(problems.empty());
  CHECK(checked > 100);
}

}  // namespace launchlint
