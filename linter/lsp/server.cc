#include "linter/lsp/server.h"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "linter/config/config.h"
#include "linter/load/inputs.h"
#include "linter/lsp/protocol.h"
#include "linter/output/report.h"

namespace launchlint::lsp {

namespace {

constexpr std::size_t kMaxFolderFiles = 2000;
constexpr std::size_t kMaxFileBytes = std::size_t{16} << 20;

bool manifest_name(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  std::string name = p.filename().string();
  return !name.starts_with('.') &&
         (ext == ".yaml" || ext == ".yml" || ext == ".json");
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string uri_to_path(std::string_view uri) {
  if (!uri.starts_with("file://")) return {};
  uri.remove_prefix(7);
  std::size_t slash = uri.find('/');
  if (slash == std::string_view::npos) return {};
  uri.remove_prefix(slash);  // drop the authority (localhost)
  std::string path;
  for (std::size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && hex(uri[i + 1]) >= 0 &&
        hex(uri[i + 2]) >= 0) {
      path.push_back(static_cast<char>(hex(uri[i + 1]) * 16 + hex(uri[i + 2])));
      i += 2;
    } else {
      path.push_back(uri[i]);
    }
  }
  return std::filesystem::path(path).lexically_normal().generic_string();
}

std::string path_to_uri(std::string_view path) {
  std::string out = "file://";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' ||
        c == '/') {
      out.push_back(static_cast<char>(c));
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

void Server::send_error(int code, std::string_view message) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  w.Key("jsonrpc");
  w.String("2.0");
  w.Key("id");
  w.Null();
  w.Key("error");
  w.StartObject();
  w.Key("code");
  w.Int(code);
  w.Key("message");
  string(w, message);
  w.EndObject();
  w.EndObject();
  send_(buffer.GetString());
}

void Server::handle(std::string_view body, Clock::time_point now) {
  if (exited_) return;
  rapidjson::Document message;
  // JSON is UTF-8: text that is not would be echoed back (an unknown method,
  // a document's URI) in messages the client cannot read.
  message.Parse<rapidjson::kParseValidateEncodingFlag>(body.data(),
                                                       body.size());
  if (message.HasParseError()) {
    send_error(kParseError, "message is not valid JSON (in UTF-8)");
    return;
  }
  if (!message.IsObject()) {
    send_error(kInvalidRequest, "message is not a JSON object");
    return;
  }
  const Json* method = member(message, "method");
  const Json* id = member(message, "id");
  if (id != nullptr && !id->IsString() && !id->IsInt64()) {
    send_error(kInvalidRequest, "id must be an integer or a string");
    return;
  }
  if (method == nullptr) {
    if (id != nullptr) return;  // a response to nothing we asked: ignore
    send_error(kInvalidRequest, "message without method");
    return;
  }
  Json null_params;
  const Json* params = member(message, "params");
  if (params == nullptr) params = &null_params;

  auto respond_error = [&](int code, std::string_view text) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    w.Key("jsonrpc");
    w.String("2.0");
    w.Key("id");
    id->Accept(w);
    w.Key("error");
    w.StartObject();
    w.Key("code");
    w.Int(code);
    w.Key("message");
    string(w, text);
    w.EndObject();
    w.EndObject();
    send_(buffer.GetString());
  };
  if (!method->IsString()) {
    if (id != nullptr) {
      respond_error(kInvalidRequest, "method must be a string");
    } else {
      send_error(kInvalidRequest, "method must be a string");
    }
    return;
  }
  std::string_view name(method->GetString(), method->GetStringLength());
  try {
    if (id == nullptr) {
      notification(name, *params, now);
    } else if (name != "initialize" && !initialized_) {
      respond_error(kServerNotInitialized, "initialize first");
    } else if (shutdown_) {
      respond_error(kInvalidRequest, "the server is shut down");
    } else {
      request(name, *params, *id);
    }
  } catch (const BadParams& e) {
    if (id != nullptr) respond_error(kInvalidParams, e.message);
  } catch (const std::exception& e) {
    std::cerr << fmt::format("launchlint lsp: {} failed: {}\n", name, e.what());
    if (id != nullptr) respond_error(kInternalError, e.what());
  }
}

void Server::request(std::string_view method, const Json& params,
                     const Json& id) {
  std::string result;
  if (method == "initialize") {
    if (initialized_) throw BadParams{"initialize was already sent"};
    initialized_ = true;
    if (const Json* init = member(params, "initializationOptions")) {
      if (const Json* d = member(*init, "debounceMs"); d && d->IsUint()) {
        debounce_ = std::chrono::milliseconds(d->GetUint());
      }
    }
    result = fmt::format(
        R"({{"capabilities":{{"textDocumentSync":{{"openClose":true,"change":1,)"
        R"("save":{{"includeText":true}}}},"hoverProvider":true,)"
        R"("codeActionProvider":{{"codeActionKinds":["quickfix"]}}}},)"
        R"("serverInfo":{{"name":"launchlint","version":"{}"}}}})",
        tool_version());
  } else if (method == "shutdown") {
    shutdown_ = true;
    result = "null";
  } else if (method == "textDocument/hover") {
    result = hover(params);
  } else if (method == "textDocument/codeAction") {
    result = code_actions(params);
  } else {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    w.Key("jsonrpc");
    w.String("2.0");
    w.Key("id");
    id.Accept(w);
    w.Key("error");
    w.StartObject();
    w.Key("code");
    w.Int(kMethodNotFound);
    w.Key("message");
    string(w, fmt::format("unknown method {}", method));
    w.EndObject();
    w.EndObject();
    send_(buffer.GetString());
    return;
  }
  rapidjson::StringBuffer id_text;
  Writer id_writer(id_text);
  id.Accept(id_writer);
  send_(fmt::format(R"({{"jsonrpc":"2.0","id":{},"result":{}}})",
                    id_text.GetString(), result));
}

void Server::notification(std::string_view method, const Json& params,
                          Clock::time_point now) {
  if (method == "exit") {
    exited_ = true;
    return;
  }
  if (!initialized_ || shutdown_) return;
  if (method == "textDocument/didOpen") {
    const Json& item = object_member(params, "textDocument");
    OpenDocument doc;
    doc.uri = string_member(item, "uri");
    doc.text = string_member(item, "text");
    if (const Json* v = member(item, "version"); v && v->IsInt64())
      doc.version = v->GetInt64();
    doc.path = uri_to_path(doc.uri);
    if (doc.path.empty()) {
      doc.path = doc.uri;
      doc.folder = "uri:" + doc.uri;
    } else {
      doc.folder =
          std::filesystem::path(doc.path).parent_path().generic_string();
    }
    std::string folder = doc.folder;
    std::string uri = doc.uri;
    documents_[uri] = std::move(doc);
    schedule(folder, now);
  } else if (method == "textDocument/didChange") {
    const Json& item = object_member(params, "textDocument");
    auto it = documents_.find(string_member(item, "uri"));
    if (it == documents_.end()) return;
    OpenDocument& doc = it->second;
    const Json* changes = member(params, "contentChanges");
    if (changes == nullptr || !changes->IsArray()) {
      throw BadParams{"'contentChanges' must be an array"};
    }
    for (const Json& change : changes->GetArray()) {
      std::string_view text = string_member(change, "text");
      if (const Json* r = member(change, "range"); r && r->IsObject()) {
        Range where = range_param(*r);
        LineIndex lines(doc.text);
        std::size_t begin = lines.offset(where.start);
        std::size_t end = std::max(begin, lines.offset(where.end));
        doc.text.replace(begin, end - begin, text);
      } else {
        doc.text = text;
      }
    }
    if (const Json* v = member(item, "version"); v && v->IsInt64())
      doc.version = v->GetInt64();
    schedule(doc.folder, now + debounce_);
  } else if (method == "textDocument/didSave") {
    const Json& item = object_member(params, "textDocument");
    auto it = documents_.find(string_member(item, "uri"));
    if (it == documents_.end()) return;
    if (const Json* t = member(params, "text"); t && t->IsString())
      it->second.text.assign(t->GetString(), t->GetStringLength());
    schedule(it->second.folder, now);
  } else if (method == "textDocument/didClose") {
    const Json& item = object_member(params, "textDocument");
    auto it = documents_.find(string_member(item, "uri"));
    if (it == documents_.end()) return;
    OpenDocument closed = std::move(it->second);
    documents_.erase(it);
    closed.findings.clear();
    publish(closed);
    // Its neighbours now see the file on disk instead of the buffer.
    for (const auto& [uri, doc] : documents_) {
      if (doc.folder == closed.folder) {
        schedule(closed.folder, now);
        break;
      }
    }
  } else if (method == "workspace/didChangeWatchedFiles") {
    // Files changed on disk: relint the folders with open documents, once
    // the burst (a checkout, a formatter) is over.
    for (const auto& [uri, doc] : documents_) {
      schedule(doc.folder, now + debounce_);
    }
  }
  // initialized, $/cancelRequest, $/setTrace, others: nothing to do.
}

void Server::schedule(const std::string& folder, Clock::time_point due) {
  auto [it, added] = pending_.emplace(folder, due);
  if (!added) it->second = due;  // the newest change wins: debounce
}

std::optional<Clock::time_point> Server::next_due() const {
  std::optional<Clock::time_point> next;
  for (const auto& [folder, due] : pending_) {
    if (!next || due < *next) next = due;
  }
  return next;
}

void Server::run_due(Clock::time_point now) {
  std::vector<std::string> due;
  for (const auto& [folder, when] : pending_) {
    if (when <= now) due.push_back(folder);
  }
  for (const std::string& folder : due) {
    pending_.erase(folder);
    try {
      lint_folder(folder);
    } catch (const std::exception& e) {
      std::cerr << fmt::format("launchlint lsp: linting {} failed: {}\n",
                               folder, e.what());
    }
  }
}

Server::OpenDocument* Server::fresh(std::string_view uri) {
  auto it = documents_.find(uri);
  if (it == documents_.end()) return nullptr;
  if (pending_.erase(it->second.folder) > 0) lint_folder(it->second.folder);
  return &it->second;
}

void Server::lint_folder(const std::string& folder) {
  auto lint = std::make_shared<FolderLint>();
  std::vector<OpenDocument*> open;
  for (auto& [uri, doc] : documents_) {
    if (doc.folder == folder) {
      open.push_back(&doc);
      lint->texts[doc.path] = doc.text;
    }
  }
  if (open.empty()) return;
  bool on_disk = read_disk_ && !folder.starts_with("uri:");
  if (on_disk) {
    namespace fs = std::filesystem;
    std::error_code ec;
    std::vector<fs::path> files;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end;
         it.increment(ec)) {
      if (manifest_name(it->path())) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    std::size_t read = 0;
    for (const fs::path& p : files) {
      std::string path = p.lexically_normal().generic_string();
      if (lint->texts.contains(path)) continue;  // the open buffer wins
      if (++read > kMaxFolderFiles) break;
      std::string text;
      std::string error;
      if (read_input({path}, kMaxFileBytes, &text, &error))
        lint->texts.emplace(path, std::move(text));
    }
  }
  std::vector<InMemoryFile> inputs;
  inputs.reserve(lint->texts.size());
  for (const auto& [path, text] : lint->texts) inputs.push_back({path, text});
  // The folder's .launchlint.yaml, as the CLI would find it from there.
  LintOptions options = options_;
  Config config;
  std::string config_path = on_disk ? find_config(folder) : std::string();
  std::string blocked_by;
  if (!config_path.empty()) {
    if (load_folder_config(config_path, &config)) {
      apply_config(config, &options.settings);
      options.config = &config;
    } else {
      // As the CLI, which exits 2: no rule runs half-configured.
      const std::vector<ConfigError>& errors =
          broken_configs_[config_path].errors;
      blocked_by =
          fmt::format("launchlint: no rule runs until the config loads: {}",
                      errors.empty() ? config_path : errors.front().format());
    }
  }
  if (blocked_by.empty()) lint->run = lint_(inputs, options);
  for (OpenDocument* doc : open) {
    doc->lint = lint;
    doc->blocked_by = doc->path == config_path ? std::string() : blocked_by;
    doc->findings.clear();
    for (const Finding& f : lint->run.findings) {
      if (!f.suppressed && f.location.file_name() == doc->path)
        doc->findings.push_back(&f);
    }
    publish(*doc);
  }
}

bool Server::load_folder_config(const std::string& path, Config* config) {
  BrokenConfig broken;
  const OpenDocument* open = nullptr;
  for (const auto& [uri, doc] : documents_) {
    if (doc.path == path) open = &doc;
  }
  bool loaded = false;
  if (open != nullptr) {
    broken.text = open->text;
    loaded = load_config_text(path, broken.text, config, &broken.errors);
  } else {
    std::string error;
    if (read_input({path}, kMaxFileBytes, &broken.text, &error)) {
      loaded = load_config_text(path, broken.text, config, &broken.errors);
    } else {
      ConfigError e;
      e.location.file = std::make_shared<const std::string>(path);
      e.message = "cannot read the config file: " + error;
      broken.errors.push_back(std::move(e));
    }
  }
  bool was_broken = broken_configs_.contains(path);
  if (loaded && !was_broken) return true;
  if (loaded) {
    broken_configs_.erase(path);
  } else {
    broken_configs_[path] = std::move(broken);
  }
  publish_config(path);
  return loaded;
}

}  // namespace launchlint::lsp
