#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>

#include "linter/config/config.h"
#include "linter/lint/lint.h"
#include "linter/lsp/text_position.h"

namespace launchlint::lsp {

using Clock = std::chrono::steady_clock;

// JSON-RPC and LSP error codes.
enum ErrorCode {
  kParseError = -32700,
  kInvalidRequest = -32600,
  kMethodNotFound = -32601,
  kInvalidParams = -32602,
  kInternalError = -32603,
  kServerNotInitialized = -32002,
};

// One lint of a folder: the run, and the text of every file it read.
struct FolderLint {
  LintRun run;
  std::map<std::string, std::string, std::less<>> texts;  // path -> text
};

// The launchlint language server, without I/O: it is handed message bodies
// and the time, and sends bodies through `send`. Lints are debounced: a
// change schedules its folder's lint `debounce` later; open and save lint
// at once (at the next run_due).
class Server {
 public:
  using Send = std::function<void(std::string body)>;
  explicit Server(Send send) : send_(std::move(send)) {}

  // Handles one message. Never throws: bad input gets an error response
  // (requests) or is dropped (notifications).
  void handle(std::string_view body, Clock::time_point now);
  // Runs the lints due at `now`.
  void run_due(Clock::time_point now);
  // When the next scheduled lint is due.
  std::optional<Clock::time_point> next_due() const;

  bool exited() const { return exited_; }
  int exit_code() const { return shutdown_ ? 0 : 1; }
  void set_debounce(std::chrono::milliseconds d) { debounce_ = d; }
  // What lints a folder's files (lint_texts by default; tests wrap it).
  using LintFn = std::function<LintRun(const std::vector<InMemoryFile>&,
                                       const LintOptions&)>;
  void set_lint(LintFn lint) { lint_ = std::move(lint); }
  // false: lint the open documents only, reading neither their folders nor
  // config files from disk (the fuzz target).
  void set_read_disk(bool read) { read_disk_ = read; }
  std::chrono::milliseconds debounce() const { return debounce_; }
  // Sends a JSON-RPC error with a null id (for framing errors).
  void send_error(int code, std::string_view message);

  struct OpenDocument {
    std::string uri;
    std::string path;    // file path, or the uri for non-file documents
    std::string folder;  // lint unit: its folder, or "uri:" + uri
    std::string text;
    long long version = 0;
    std::shared_ptr<const FolderLint> lint;  // the last lint including it
    std::vector<const Finding*> findings;    // its findings in that lint
    // Set when that lint did not run because its config has errors.
    std::string blocked_by;
  };

  // A config file that does not load: its text and errors, published as
  // its diagnostics until it loads again.
  struct BrokenConfig {
    std::string text;
    std::vector<ConfigError> errors;
  };

 private:
  using Json = rapidjson::Value;
  void request(std::string_view method, const Json& params, const Json& id);
  void notification(std::string_view method, const Json& params,
                    Clock::time_point now);
  std::string hover(const Json& params);
  std::string code_actions(const Json& params);
  void schedule(const std::string& folder, Clock::time_point due);
  void lint_folder(const std::string& folder);
  void publish(const OpenDocument& doc);
  // Loads the folder's config (the open buffer when it is open) into
  // `config`; false when it has errors, which are then published on it.
  bool load_folder_config(const std::string& path, Config* config);
  // Publishes the errors of the config at `path` (none: clears them).
  void publish_config(const std::string& path);
  // Lints the document's folder now if a lint of it is pending.
  OpenDocument* fresh(std::string_view uri);

  Send send_;
  std::map<std::string, OpenDocument, std::less<>> documents_;  // by uri
  std::map<std::string, Clock::time_point> pending_;            // by folder
  std::map<std::string, BrokenConfig, std::less<>> broken_configs_;  // by path
  std::chrono::milliseconds debounce_{200};
  LintOptions options_;
  LintFn lint_ = lint_texts;
  bool read_disk_ = true;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exited_ = false;

  friend struct ServerAccess;
};

// file:///a%20b/c.yaml <-> /a b/c.yaml; empty for a non-file URI.
std::string uri_to_path(std::string_view uri);
std::string path_to_uri(std::string_view path);

// The LSP range of a finding at 1-based line/column in `text`: the flagged
// token.
Range finding_range(std::string_view text, const LineIndex& lines,
                    std::uint32_t line, std::uint32_t column);

}  // namespace launchlint::lsp
