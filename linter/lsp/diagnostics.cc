#include <fmt/format.h>

#include "linter/lsp/protocol.h"
#include "linter/lsp/server.h"
#include "linter/lsp/yaml_edit.h"

// Publishing a document's findings as LSP diagnostics.
namespace launchlint::lsp {

Range finding_range(std::string_view text, const LineIndex& lines,
                    std::uint32_t line, std::uint32_t column) {
  std::size_t l = line > 0 ? line - 1 : 0;
  std::size_t c = column > 0 ? column - 1 : 0;
  std::string_view content = lines.line(l);
  c = std::min(c, content.size());
  std::size_t begin = lines.line_offset(l) + c;
  bool flow =
      content.substr(0, c).find_first_of("{[") != std::string_view::npos;
  std::size_t end = token_end(text, begin, flow);
  std::size_t line_end = lines.line_offset(l) + content.size();
  if (end > line_end) end = line_end;  // a multi-line token: its first line
  if (end <= begin) end = std::min(begin + 1, line_end);
  return {lines.position(l, c), lines.position(l, end - lines.line_offset(l))};
}

namespace {

// A diagnostic that is no finding: a config error, or why nothing ran.
void plain_diagnostic(Writer& w, Range where, std::string_view message) {
  w.StartObject();
  w.Key("range");
  range(w, where);
  w.Key("severity");
  w.Int(1);
  w.Key("code");
  w.String("config");
  w.Key("source");
  w.String("launchlint");
  w.Key("message");
  string(w, message);
  w.EndObject();
}

void config_diagnostics(Writer& w, const Server::BrokenConfig& config) {
  LineIndex lines(config.text);
  for (const ConfigError& e : config.errors) {
    plain_diagnostic(
        w,
        finding_range(config.text, lines, e.location.line, e.location.column),
        e.message);
  }
}

void start_publish(Writer& w, std::string_view uri) {
  w.StartObject();
  w.Key("jsonrpc");
  w.String("2.0");
  w.Key("method");
  w.String("textDocument/publishDiagnostics");
  w.Key("params");
  w.StartObject();
  w.Key("uri");
  string(w, uri);
}

}  // namespace

void Server::publish_config(const std::string& path) {
  for (const auto& [uri, doc] : documents_) {
    if (doc.path == path) {
      // Open: its lint's publish adds the errors (or clears them).
      if (doc.lint) publish(doc);
      return;
    }
  }
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  start_publish(w, path_to_uri(path));
  w.Key("diagnostics");
  w.StartArray();
  auto broken = broken_configs_.find(path);
  if (broken != broken_configs_.end()) config_diagnostics(w, broken->second);
  w.EndArray();
  w.EndObject();
  w.EndObject();
  send_(buffer.GetString());
}

void Server::publish(const OpenDocument& doc) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  start_publish(w, doc.uri);
  if (doc.lint) {
    w.Key("version");
    w.Int64(doc.version);
  }
  w.Key("diagnostics");
  w.StartArray();
  if (doc.lint && !doc.blocked_by.empty())
    plain_diagnostic(w, {{0, 0}, {0, 0}}, doc.blocked_by);
  if (auto broken = broken_configs_.find(doc.path);
      doc.lint && broken != broken_configs_.end())
    config_diagnostics(w, broken->second);
  if (doc.lint) {
    const std::string& text = doc.lint->texts.find(doc.path)->second;
    LineIndex lines(text);
    for (const Finding* f : doc.findings) {
      w.StartObject();
      w.Key("range");
      range(w,
            finding_range(text, lines, f->location.line, f->location.column));
      w.Key("severity");
      w.Int(lsp_severity(f->severity));
      w.Key("code");
      string(w, f->rule->id);
      if (f->rule->source.empty()) {  // custom rules have no page of ours
        w.Key("codeDescription");
        w.StartObject();
        w.Key("href");
        string(w, help_uri(*f->rule));
        w.EndObject();
      }
      w.Key("source");
      w.String("launchlint");
      w.Key("message");
      string(w, diagnostic_message(*f));
      if (!f->related.empty()) {
        w.Key("relatedInformation");
        w.StartArray();
        for (const RelatedNote& r : f->related) {
          std::string_view file = r.location.file_name();
          w.StartObject();
          w.Key("location");
          w.StartObject();
          w.Key("uri");
          string(w, file == doc.path ? doc.uri : path_to_uri(file));
          w.Key("range");
          auto other = doc.lint->texts.find(file);
          if (other != doc.lint->texts.end()) {
            LineIndex other_lines(other->second);
            range(w, finding_range(other->second, other_lines, r.location.line,
                                   r.location.column));
          } else {
            Position p{r.location.line > 0 ? r.location.line - 1 : 0,
                       r.location.column > 0 ? r.location.column - 1 : 0};
            range(w, {p, p});
          }
          w.EndObject();
          w.Key("message");
          string(w, r.message);
          w.EndObject();
        }
        w.EndArray();
      }
      w.Key("data");
      w.StartObject();
      w.Key("rule");
      string(w, f->rule->name);
      w.EndObject();
      w.EndObject();
    }
  }
  w.EndArray();
  w.EndObject();
  w.EndObject();
  send_(buffer.GetString());
}

}  // namespace launchlint::lsp
