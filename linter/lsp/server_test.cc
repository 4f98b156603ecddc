#include <filesystem>
#include <fstream>
#include <random>

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "linter/lsp/server.h"
#include "linter/lsp/yaml_edit.h"
#include "linter/rules/registry.h"

namespace launchlint::lsp {

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

std::string json_string(std::string_view s) {
  rapidjson::StringBuffer b;
  rapidjson::Writer<rapidjson::StringBuffer> w(b);
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  return b.GetString();
}

struct Harness {
  std::vector<std::string> sent;
  Server server{[this](std::string body) { sent.push_back(std::move(body)); }};
  Clock::time_point now = Clock::now();
  int next_id = 1;

  // Sends a message; returns what the server sent in answer, parsed.
  std::vector<rapidjson::Document> send(const std::string& body) {
    std::size_t before = sent.size();
    server.handle(body, now);
    return since(before);
  }
  std::vector<rapidjson::Document> since(std::size_t before) {
    std::vector<rapidjson::Document> out;
    for (std::size_t i = before; i < sent.size(); ++i) {
      rapidjson::Document d;
      d.Parse(sent[i].c_str());
      REQUIRE_FALSE(d.HasParseError());
      out.push_back(std::move(d));
    }
    return out;
  }
  rapidjson::Document request(std::string_view method,
                              const std::string& params) {
    int id = next_id++;
    auto answers = send(
        fmt::format(R"({{"jsonrpc":"2.0","id":{},"method":"{}","params":{}}})",
                    id, method, params));
    REQUIRE(answers.size() == 1);
    REQUIRE(answers[0]["id"].GetInt() == id);
    return std::move(answers[0]);
  }
  void notify(std::string_view method, const std::string& params) {
    auto answers = send(fmt::format(
        R"({{"jsonrpc":"2.0","method":"{}","params":{}}})", method, params));
    CHECK(answers.empty());
  }
  void initialize() {
    auto r = request("initialize",
                     R"({"processId":null,"rootUri":null,"capabilities":{}})");
    REQUIRE(r.HasMember("result"));
    notify("initialized", "{}");
  }
  // Runs due lints; returns the diagnostics published for `uri`, last first.
  std::vector<rapidjson::Document> lint(Clock::time_point at) {
    std::size_t before = sent.size();
    server.run_due(at);
    return since(before);
  }
};

const rapidjson::Value* diagnostics_of(
    const std::vector<rapidjson::Document>& published, std::string_view uri) {
  const rapidjson::Value* found = nullptr;
  for (const auto& d : published) {
    if (std::string_view(d["method"].GetString()) !=
        "textDocument/publishDiagnostics")
      continue;
    if (std::string_view(d["params"]["uri"].GetString()) == uri)
      found = &d["params"]["diagnostics"];
  }
  return found;
}

std::vector<std::string> codes(const rapidjson::Value& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics.GetArray())
    out.push_back(d["code"].GetString());
  return out;
}

bool has(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

struct TempFolder {
  fs::path path;
  TempFolder() {
    path = fs::temp_directory_path() /
           fmt::format("launchlint-lsp-{}", std::random_device{}());
    fs::create_directories(path);
  }
  ~TempFolder() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string write(const std::string& name, const std::string& text) {
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).generic_string();
  }
};

// A privileged container after a two-byte and a four-byte UTF-8 character.
const std::string kPrivileged =
    "apiVersion: apps/v1\n"
    "kind: Deployment\n"
    "metadata: {name: llama, namespace: llm}\n"
    "spec:\n"
    "  template:\n"
    "    spec:\n"
    "      containers:\n"
    "      - name: vllm\n"
    "        image: vllm/vllm-openai:v0.6.3\n"
    "        securityContext: {seLinuxOptions: {user: \"é😀\"}, privileged: "
    "true}\n";

std::string open_params(const std::string& uri, const std::string& text) {
  return fmt::format(
      R"({{"textDocument":{{"uri":"{}","languageId":"yaml","version":1,"text":{}}}}})",
      uri, json_string(text));
}

}  // namespace

TEST_CASE("lsp server: lifecycle and protocol errors") {
  Harness h;
  auto r = h.request("textDocument/hover", "{}");
  CHECK(r["error"]["code"].GetInt() == kServerNotInitialized);
  h.notify("textDocument/didOpen", open_params("file:///x.yaml", "a: 1"));
  CHECK(h.server.next_due() == std::nullopt);  // dropped before initialize

  r = h.request("initialize", R"({"capabilities":{}})");
  const auto& caps = r["result"]["capabilities"];
  CHECK(caps["textDocumentSync"]["change"].GetInt() == 1);
  CHECK(caps["textDocumentSync"]["openClose"].GetBool());
  CHECK(caps["hoverProvider"].GetBool());
  CHECK(caps.HasMember("codeActionProvider"));
  CHECK(std::string(r["result"]["serverInfo"]["name"].GetString()) ==
        "launchlint");
  r = h.request("initialize", "{}");
  CHECK(r["error"]["code"].GetInt() == kInvalidParams);

  r = h.request("workspace/symbol", R"({"query":""})");
  CHECK(r["error"]["code"].GetInt() == kMethodNotFound);
  h.notify("$/setTrace", R"({"value":"off"})");
  h.notify("custom/unknownNotification", "[1,2]");

  auto answers = h.send("{not json");
  REQUIRE(answers.size() == 1);
  CHECK(answers[0]["error"]["code"].GetInt() == kParseError);
  CHECK(answers[0]["id"].IsNull());
  // Not UTF-8 (found by the lsp fuzz target: the unknown method came back in
  // an error message that was not UTF-8 either).
  answers = h.send("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"x\xff\"}");
  REQUIRE(answers.size() == 1);
  CHECK(answers[0]["error"]["code"].GetInt() == kParseError);
  CHECK(answers[0]["id"].IsNull());
  answers = h.send("[1, 2]");
  REQUIRE(answers.size() == 1);
  CHECK(answers[0]["error"]["code"].GetInt() == kInvalidRequest);
  answers = h.send(R"({"jsonrpc":"2.0","id":{"a":1},"method":"shutdown"})");
  REQUIRE(answers.size() == 1);
  CHECK(answers[0]["error"]["code"].GetInt() == kInvalidRequest);
  answers = h.send(R"({"jsonrpc":"2.0","id":7,"method":42})");
  REQUIRE(answers.size() == 1);
  CHECK(answers[0]["id"].GetInt() == 7);
  CHECK(answers[0]["error"]["code"].GetInt() == kInvalidRequest);
  answers = h.send(R"({"jsonrpc":"2.0","id":"r1","result":null})");
  CHECK(answers.empty());  // a response: nothing to say

  r = h.request("textDocument/hover",
                R"({"textDocument":{"uri":"file:///x.yaml"}})");
  CHECK(r["error"]["code"].GetInt() == kInvalidParams);
  r = h.request("textDocument/codeAction", R"({"textDocument":{"uri":5}})");
  CHECK(r["error"]["code"].GetInt() == kInvalidParams);
  r = h.request(
      "textDocument/hover",
      R"({"textDocument":{"uri":"file:///nowhere.yaml"},"position":{"line":0,"character":0}})");
  CHECK(r["result"].IsNull());
  // Bad notifications are dropped quietly.
  h.notify("textDocument/didOpen",
           R"({"textDocument":{"uri":"file:///y.yaml","text":5}})");
  h.notify("textDocument/didChange",
           R"({"textDocument":{"uri":"file:///y.yaml"}})");

  r = h.request("shutdown", "null");
  CHECK(r["result"].IsNull());
  r = h.request("textDocument/hover", "{}");
  CHECK(r["error"]["code"].GetInt() == kInvalidRequest);
  CHECK_FALSE(h.server.exited());
  h.notify("exit", "null");
  CHECK(h.server.exited());
  CHECK(h.server.exit_code() == 0);
  CHECK(h.send(R"({"jsonrpc":"2.0","id":99,"method":"shutdown"})").empty());
}

TEST_CASE("lsp server: exit without shutdown is exit code 1") {
  Harness h;
  h.initialize();
  h.notify("exit", "null");
  CHECK(h.server.exited());
  CHECK(h.server.exit_code() == 1);
}

TEST_CASE("lsp server: custom rules of the folder's config, with hovers") {
  TempFolder folder;
  folder.write(".launchlint.yaml",
               "customRules:\n"
               "- id: ORG001\n"
               "  name: approved-registry\n"
               "  area: security\n"
               "  severity: error\n"
               "  summary: Images come from registry.example.com.\n"
               "  doc: Scanned images only.\n"
               "  check:\n"
               "    path: podSpec.containers[*].image\n"
               "    matches: '^registry\\.example\\.com/'\n");
  std::string path = folder.write("server.yaml", "");
  std::string uri = path_to_uri(path);
  Harness h;
  h.initialize();
  h.notify("textDocument/didOpen", open_params(uri, kPrivileged));
  auto published = h.lint(h.now);
  const rapidjson::Value* diagnostics = diagnostics_of(published, uri);
  REQUIRE(diagnostics != nullptr);
  REQUIRE(has(codes(*diagnostics), "ORG001"));
  for (const auto& d : diagnostics->GetArray()) {
    if (std::string_view(d["code"].GetString()) != "ORG001") continue;
    CHECK(d["range"]["start"]["line"].GetUint() == 8);
    CHECK(d["range"]["start"]["character"].GetUint() == 15);
    CHECK(d["severity"].GetInt() == 1);
    CHECK_FALSE(d.HasMember("codeDescription"));
  }
  // The lint (and the rule its findings point at) outlives the config that
  // was loaded for it: hover reads the rule's doc afterwards.
  auto hover = h.request(
      "textDocument/hover",
      fmt::format(
          R"({{"textDocument":{{"uri":"{}"}},"position":{{"line":8,"character":20}}}})",
          uri));
  REQUIRE(hover["result"].IsObject());
  std::string markdown = hover["result"]["contents"]["value"].GetString();
  CHECK(markdown.find("**ORG001 approved-registry** (error, security)") !=
        std::string::npos);
  CHECK(markdown.find("# approved-registry (ORG001)") != std::string::npos);
  CHECK(markdown.find("Scanned images only.") != std::string::npos);
}

TEST_CASE("lsp server: a config with errors runs no rule and shows them") {
  TempFolder folder;
  const std::string good =
      "customRules:\n"
      "- id: ORG001\n"
      "  name: approved-registry\n"
      "  area: security\n"
      "  summary: Images come from registry.example.com.\n"
      "  check:\n"
      "    path: podSpec.containers[*].image\n"
      "    matches: '^registry\\.example\\.com/'\n";
  std::string bad = good;
  bad.replace(bad.find("'^registry"), 1, "'(");
  std::string config = folder.write(".launchlint.yaml", bad);
  std::string config_uri = path_to_uri(config);
  std::string uri = path_to_uri(folder.write("server.yaml", ""));
  Harness h;
  h.initialize();
  h.notify("textDocument/didOpen", open_params(uri, kPrivileged));
  auto published = h.lint(h.now);
  // The config's errors on the config, at their place.
  const rapidjson::Value* on_config = diagnostics_of(published, config_uri);
  REQUIRE(on_config != nullptr);
  REQUIRE(on_config->Size() == 1);
  const auto& error = (*on_config)[0];
  CHECK(error["range"]["start"]["line"].GetUint() == 7);
  CHECK(error["range"]["start"]["character"].GetUint() == 13);
  CHECK(std::string_view(error["code"].GetString()) == "config");
  CHECK(std::string_view(error["message"].GetString())
            .starts_with("customRules: matches: "));
  // The manifest: no finding of any rule, one diagnostic that says why.
  const rapidjson::Value* on_manifest = diagnostics_of(published, uri);
  REQUIRE(on_manifest != nullptr);
  REQUIRE(on_manifest->Size() == 1);
  CHECK(codes(*on_manifest) == std::vector<std::string>{"config"});
  std::string why = (*on_manifest)[0]["message"].GetString();
  CHECK(why.starts_with(fmt::format(
      "launchlint: no rule runs until the config loads: {}:8:14: error: "
      "customRules: matches:",
      config)));

  // The config open with unsaved edits: its buffer is the config. Fixed
  // there, the rules run again and its errors are cleared.
  h.notify("textDocument/didOpen", open_params(config_uri, good));
  published = h.lint(h.now);
  on_config = diagnostics_of(published, config_uri);
  REQUIRE(on_config != nullptr);
  CHECK(on_config->Size() == 0);
  on_manifest = diagnostics_of(published, uri);
  REQUIRE(on_manifest != nullptr);
  CHECK(has(codes(*on_manifest), "ORG001"));
  CHECK(has(codes(*on_manifest), "SEC001"));
  CHECK_FALSE(has(codes(*on_manifest), "config"));

  // Broken again in the buffer: the open config shows its errors.
  h.notify("textDocument/didChange",
           fmt::format(R"({{"textDocument":{{"uri":"{}","version":2}},)"
                       R"("contentChanges":[{{"text":{}}}]}})",
                       config_uri, json_string(bad)));
  published = h.lint(h.now + h.server.debounce());
  on_config = diagnostics_of(published, config_uri);
  REQUIRE(on_config != nullptr);
  REQUIRE(on_config->Size() == 1);
  CHECK((*on_config)[0]["range"]["start"]["line"].GetUint() == 7);
  on_manifest = diagnostics_of(published, uri);
  REQUIRE(on_manifest != nullptr);
  CHECK(codes(*on_manifest) == std::vector<std::string>{"config"});
}

TEST_CASE("lsp server: without disk reads, only the open documents") {
  TempFolder folder;
  folder.write(".launchlint.yaml", "rules:\n  privileged-container: off\n");
  folder.write("service.yaml", "apiVersion: v1\nkind: Service\n");
  std::string uri = path_to_uri(folder.write("server.yaml", ""));
  for (bool read_disk : {true, false}) {
    CAPTURE(read_disk);
    Harness h;
    std::vector<std::string> linted;
    h.server.set_read_disk(read_disk);
    h.server.set_lint([&](const std::vector<InMemoryFile>& files,
                          const LintOptions& options) {
      for (const auto& f : files) linted.push_back(f.path);
      return lint_texts(files, options);
    });
    h.initialize();
    h.notify("textDocument/didOpen", open_params(uri, kPrivileged));
    auto published = h.lint(h.now);
    const rapidjson::Value* diagnostics = diagnostics_of(published, uri);
    REQUIRE(diagnostics != nullptr);
    // The folder's config turns SEC001 off; its other file is linted too.
    CHECK(has(codes(*diagnostics), "SEC001") == !read_disk);
    CHECK(linted.size() == (read_disk ? 2u : 1u));
  }
}

TEST_CASE("lsp server: diagnostics, debounce, hover, code action round trip") {
  TempFolder folder;
  std::string path = folder.write("server.yaml", "placeholder: on disk\n");
  folder.write(
      "service.yaml",
      "apiVersion: v1\nkind: Service\nmetadata: {name: llama, namespace: llm}\n"
      "spec: {selector: {app: llama}, ports: [{port: 80}]}\n");
  folder.write("notes.txt", "not a manifest");
  std::string uri = path_to_uri(path);

  Harness h;
  std::vector<std::string> linted;
  h.server.set_lint(
      [&](const std::vector<InMemoryFile>& files, const LintOptions& options) {
        linted.clear();
        for (const auto& f : files) linted.push_back(f.path);
        return lint_texts(files, options);
      });
  h.initialize();
  h.notify("textDocument/didOpen", open_params(uri, kPrivileged));
  REQUIRE(h.server.next_due() == h.now);
  auto published = h.lint(h.now);
  // The folder's manifests, the open buffer instead of the file on disk.
  CHECK(linted == std::vector<std::string>{
                      (folder.path / "server.yaml").generic_string(),
                      (folder.path / "service.yaml").generic_string()});
  const rapidjson::Value* diagnostics = diagnostics_of(published, uri);
  REQUIRE(diagnostics != nullptr);
  REQUIRE(has(codes(*diagnostics), "SEC001"));
  for (const auto& d : diagnostics->GetArray()) {
    if (std::string_view(d["code"].GetString()) != "SEC001") continue;
    // "true" after "é" (2 bytes, 1 unit) and "😀" (4 bytes, 2 units).
    std::string line =
        "        securityContext: {seLinuxOptions: {user: \"é😀\"}, "
        "privileged: ";
    std::uint32_t units = static_cast<std::uint32_t>(line.size()) - 1 - 2;
    CHECK(d["range"]["start"]["line"].GetUint() == 9);
    CHECK(d["range"]["start"]["character"].GetUint() == units);
    CHECK(d["range"]["end"]["character"].GetUint() == units + 4);
    CHECK(d["severity"].GetInt() == 1);
    CHECK(std::string(d["source"].GetString()) == "launchlint");
    CHECK(std::string(d["codeDescription"]["href"].GetString())
              .ends_with("/rules/security/privileged-container.md"));
    CHECK(std::string(d["message"].GetString())
              .starts_with(
                  "Deployment llm/llama: container \"vllm\" runs privileged"));
  }

  // Hover on the flagged value shows the rule's doc; elsewhere nothing.
  auto hover = h.request(
      "textDocument/hover",
      fmt::format(
          R"({{"textDocument":{{"uri":"{}"}},"position":{{"line":9,"character":70}}}})",
          uri));
  REQUIRE(hover["result"].IsObject());
  std::string markdown = hover["result"]["contents"]["value"].GetString();
  // Every finding at the position is shown; SEC001's among them.
  CHECK(markdown.find("**SEC001 privileged-container** (error, security)") !=
        std::string::npos);
  CHECK(markdown.find("# privileged-container (SEC001)") != std::string::npos);
  CHECK(markdown.find("## Use instead") != std::string::npos);
  hover = h.request(
      "textDocument/hover",
      fmt::format(
          R"({{"textDocument":{{"uri":"{}"}},"position":{{"line":0,"character":1}}}})",
          uri));
  CHECK(hover["result"].IsNull());

  // Typing: nothing is linted until the debounce has passed, and two quick
  // changes make one lint.
  std::string edited = kPrivileged;
  edited.replace(edited.find("v0.6.3"), 6, "latest");
  h.notify(
      "textDocument/didChange",
      fmt::format(
          R"({{"textDocument":{{"uri":"{}","version":2}},"contentChanges":[{{"text":{}}}]}})",
          uri, json_string(kPrivileged + "# typing\n")));
  h.now += 100ms;
  h.notify(
      "textDocument/didChange",
      fmt::format(
          R"({{"textDocument":{{"uri":"{}","version":3}},"contentChanges":[{{"text":{}}}]}})",
          uri, json_string(edited)));
  CHECK(h.lint(h.now).empty());
  CHECK(h.lint(h.now + h.server.debounce() - 1ms).empty());
  REQUIRE(h.server.next_due() == h.now + h.server.debounce());
  published = h.lint(h.now + h.server.debounce());
  diagnostics = diagnostics_of(published, uri);
  REQUIRE(diagnostics != nullptr);
  CHECK(has(codes(*diagnostics), "ROL001"));  // the new :latest tag
  CHECK(h.server.next_due() == std::nullopt);

  // Code action on the privileged value: the fix, and the exception.
  auto actions = h.request(
      "textDocument/codeAction",
      fmt::format(
          R"({{"textDocument":{{"uri":"{}"}},"range":{{"start":{{"line":9,"character":70}},)"
          R"("end":{{"line":9,"character":70}}}},"context":{{"diagnostics":[]}}}})",
          uri));
  REQUIRE(actions["result"].IsArray());
  std::vector<std::string> titles;
  const rapidjson::Value* fix = nullptr;
  for (const auto& a : actions["result"].GetArray()) {
    titles.push_back(a["title"].GetString());
    if (a.HasMember("isPreferred")) fix = &a;
  }
  CHECK(has(titles,
            "Set securityContext.privileged: false on container \"vllm\""));
  CHECK(has(titles,
            "Accept this exception: annotate Deployment llm/llama with "
            "ignore-check.launchlint.io/SEC001 (reason to fill in)"));
  REQUIRE(fix != nullptr);
  CHECK(std::string((*fix)["kind"].GetString()) == "quickfix");
  CHECK(std::string((*fix)["diagnostics"][0]["code"].GetString()) == "SEC001");
  const auto& edits = (*fix)["edit"]["changes"][uri.c_str()];
  LineIndex lines(edited);
  std::vector<ByteEdit> byte_edits;
  for (const auto& e : edits.GetArray()) {
    Position start{e["range"]["start"]["line"].GetUint(),
                   e["range"]["start"]["character"].GetUint()};
    Position end{e["range"]["end"]["line"].GetUint(),
                 e["range"]["end"]["character"].GetUint()};
    byte_edits.push_back(
        {lines.offset(start), lines.offset(end), e["newText"].GetString()});
  }
  std::string applied = apply_edits(edited, byte_edits);
  CHECK(applied.find("privileged: false}") != std::string::npos);
  h.notify(
      "textDocument/didChange",
      fmt::format(
          R"({{"textDocument":{{"uri":"{}","version":4}},"contentChanges":[{{"text":{}}}]}})",
          uri, json_string(applied)));
  published = h.lint(h.now + 1s);
  diagnostics = diagnostics_of(published, uri);
  REQUIRE(diagnostics != nullptr);
  CHECK_FALSE(has(codes(*diagnostics), "SEC001"));
  CHECK(has(codes(*diagnostics), "ROL001"));

  // Other kinds of code actions: none.
  actions = h.request(
      "textDocument/codeAction",
      fmt::format(
          R"({{"textDocument":{{"uri":"{}"}},"range":{{"start":{{"line":9,"character":70}},)"
          R"("end":{{"line":9,"character":70}}}},"context":{{"diagnostics":[],"only":["source"]}}}})",
          uri));
  CHECK(actions["result"].Empty());

  // A file changed on disk: the folder is linted again after the debounce.
  CHECK(h.server.next_due() == std::nullopt);
  h.notify("workspace/didChangeWatchedFiles", R"({"changes":[]})");
  CHECK(h.server.next_due() == h.now + h.server.debounce());
  published = h.lint(h.now + h.server.debounce());
  CHECK(diagnostics_of(published, uri) != nullptr);

  // Closing clears the document's diagnostics.
  published = h.send(fmt::format(
      R"({{"jsonrpc":"2.0","method":"textDocument/didClose","params":{{"textDocument":{{"uri":"{}"}}}}}})",
      uri));
  diagnostics = diagnostics_of(published, uri);
  REQUIRE(diagnostics != nullptr);
  CHECK(diagnostics->Empty());
}

TEST_CASE("lsp server: incremental changes, invalid documents, related files") {
  TempFolder folder;
  std::string a = folder.write("a.yaml", "");
  std::string b = folder.write(
      "b.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: s}\n");
  Harness h;
  // A stand-in for a cross-object rule: a finding in a.yaml pointing at b.yaml.
  h.server.set_lint(
      [&](const std::vector<InMemoryFile>& files, const LintOptions& options) {
        LintRun run = lint_texts(files, options);
        for (const Object& o : run.model.objects) {
          if (o.id.kind != "Service") continue;
          for (const Object& p : run.model.objects) {
            if (p.id.kind != "Pod") continue;
            Finding f;
            f.rule = &find_rule("ROL002")->info;
            f.severity = Severity::Warning;
            f.message = "cross-object";
            f.object = p.id;
            f.location = p.location();
            f.related.push_back({o.location(), "the Service"});
            run.findings.push_back(f);
          }
        }
        return run;
      });
  h.initialize();
  std::string uri = path_to_uri(a);
  // Not "\xff" too: a message that is not UTF-8 is not JSON (a parse error).
  h.notify("textDocument/didOpen", open_params(uri, "kind: [\n\x01"));
  auto published = h.lint(h.now);
  const rapidjson::Value* diagnostics = diagnostics_of(published, uri);
  REQUIRE(diagnostics != nullptr);
  CHECK(has(codes(*diagnostics), "GEN001"));

  std::string pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n";
  h.notify(
      "textDocument/didChange",
      fmt::format(
          R"({{"textDocument":{{"uri":"{}","version":2}},"contentChanges":[{{"text":{}}},)"
          R"({{"range":{{"start":{{"line":2,"character":17}},"end":{{"line":2,"character":18}}}},"text":"pod"}}]}})",
          uri, json_string(pod)));
  published = h.lint(h.now + 1s);
  diagnostics = diagnostics_of(published, uri);
  REQUIRE(diagnostics != nullptr);
  REQUIRE(diagnostics->Size() == 1);
  const auto& d = (*diagnostics)[0];
  CHECK(std::string(d["message"].GetString()) ==
        "Pod default/pod: cross-object");
  const auto& related = d["relatedInformation"][0];
  CHECK(std::string(related["location"]["uri"].GetString()) == path_to_uri(b));
  CHECK(related["location"]["range"]["start"]["line"].GetUint() == 0);
  CHECK(std::string(related["message"].GetString()) == "the Service");
}

TEST_CASE("lsp server: file URIs") {
  CHECK(uri_to_path("file:///tmp/a%20b/c%23.yaml") == "/tmp/a b/c#.yaml");
  CHECK(uri_to_path("file://localhost/etc/x.yaml") == "/etc/x.yaml");
  CHECK(uri_to_path("untitled:Untitled-1") == "");
  CHECK(uri_to_path("file:///bad%zz%") == "/bad%zz%");
  CHECK(path_to_uri("/tmp/a b/c#.yaml") == "file:///tmp/a%20b/c%23.yaml");
  CHECK(uri_to_path(path_to_uri("/tmp/é x/%.yaml")) == "/tmp/é x/%.yaml");
}

TEST_CASE("lsp server: random messages never crash it") {
  Harness h;
  h.initialize();
  std::vector<std::string> seeds = {
      open_params("file:///tmp/launchlint-none/x.yaml", kPrivileged),
      R"({"textDocument":{"uri":"file:///tmp/launchlint-none/x.yaml"},"position":{"line":9,"character":70}})",
      R"({"textDocument":{"uri":"file:///tmp/launchlint-none/x.yaml"},"range":{"start":{"line":0,"character":0},"end":{"line":99,"character":0}}})",
  };
  std::vector<std::string> methods = {
      "textDocument/didOpen", "textDocument/hover", "textDocument/codeAction",
      "textDocument/didChange", "textDocument/didClose"};
  std::mt19937 random(7);
  for (int i = 0; i < 2000; ++i) {
    std::string params = seeds[random() % seeds.size()];
    for (int m = random() % 4; m > 0; --m) {
      std::size_t at = random() % params.size();
      params[at] = "{}[]\":,0a\\ \x80"[random() % 13];
    }
    std::string id = random() % 2 ? fmt::format(R"("id":{},)", i) : "";
    h.server.handle(
        fmt::format(R"({{"jsonrpc":"2.0",{}"method":"{}","params":{}}})", id,
                    methods[random() % methods.size()], params),
        h.now);
    h.server.run_due(h.now + 1s);
  }
  CHECK_FALSE(h.server.exited());
}

}  // namespace launchlint::lsp
