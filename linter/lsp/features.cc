#include <optional>
#include <set>

#include <fmt/format.h>

#include "linter/lsp/fixes.h"
#include "linter/lsp/protocol.h"
#include "linter/lsp/server.h"
#include "linter/rules/registry.h"

// Hover (the rule's doc) and code actions (fixes, accepted exceptions).
namespace launchlint::lsp {

std::string Server::hover(const Json& params) {
  std::string_view uri =
      string_member(object_member(params, "textDocument"), "uri");
  Position at = position_param(object_member(params, "position"));
  OpenDocument* doc = fresh(uri);
  if (doc == nullptr || !doc->lint) return "null";
  const std::string& text = doc->lint->texts.find(doc->path)->second;
  LineIndex lines(text);
  std::string markdown;
  std::optional<Range> first;
  std::set<std::string_view> shown;
  for (const Finding* f : doc->findings) {
    Range r = finding_range(text, lines, f->location.line, f->location.column);
    if (!contains(r, at)) continue;
    if (!first) first = r;
    if (!markdown.empty()) markdown += "\n\n---\n\n";
    markdown += fmt::format("**{} {}** ({}, {}): {}", f->rule->id,
                            f->rule->name, to_string(f->severity),
                            to_string(f->rule->area), f->message);
    if (shown.insert(f->rule->id).second) {
      std::string_view doc_text = doc_of(*f->rule);
      if (!doc_text.empty()) markdown += fmt::format("\n\n{}", doc_text);
    }
  }
  if (!first) return "null";
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  w.Key("contents");
  w.StartObject();
  w.Key("kind");
  w.String("markdown");
  w.Key("value");
  string(w, markdown);
  w.EndObject();
  w.Key("range");
  range(w, *first);
  w.EndObject();
  return buffer.GetString();
}

std::string Server::code_actions(const Json& params) {
  std::string_view uri =
      string_member(object_member(params, "textDocument"), "uri");
  Range wanted = range_param(object_member(params, "range"));
  // Only quick fixes here: a client asking for other kinds gets none.
  const Json* context = member(params, "context");
  if (const Json* only = context ? member(*context, "only") : nullptr;
      only != nullptr && only->IsArray()) {
    bool wants = false;
    for (const Json& kind : only->GetArray()) {
      if (!kind.IsString()) continue;
      std::string_view k(kind.GetString(), kind.GetStringLength());
      wants |= k == "quickfix" || k.empty();
    }
    if (!wants) return "[]";
  }
  // The client names the diagnostics it asks about: fix those, not every
  // other finding that shares the range.
  std::set<std::string> asked;
  if (const Json* list = context ? member(*context, "diagnostics") : nullptr;
      list != nullptr && list->IsArray()) {
    for (const Json& d : list->GetArray()) {
      const Json* code = d.IsObject() ? member(d, "code") : nullptr;
      if (code != nullptr && code->IsString())
        asked.emplace(code->GetString(), code->GetStringLength());
    }
  }
  OpenDocument* doc = fresh(uri);
  if (doc == nullptr || !doc->lint) return "[]";
  const std::string& text = doc->lint->texts.find(doc->path)->second;
  LineIndex lines(text);
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartArray();
  std::set<std::string> titles;
  for (const Finding* f : doc->findings) {
    Range r = finding_range(text, lines, f->location.line, f->location.column);
    if (!overlaps(r, wanted)) continue;
    if (!asked.empty() && !asked.count(std::string(f->rule->id))) continue;
    std::vector<Fix> fixes = fixes_for(doc->lint->run.model, *f, text);
    std::vector<Fix> accept = accept_exception(doc->lint->run.model, *f, text);
    fixes.insert(fixes.end(), accept.begin(), accept.end());
    for (const Fix& fix : fixes) {
      if (!titles.insert(fix.title).second) continue;
      w.StartObject();
      w.Key("title");
      string(w, fix.title);
      w.Key("kind");
      w.String("quickfix");
      w.Key("diagnostics");
      w.StartArray();
      w.StartObject();
      w.Key("range");
      range(w, r);
      w.Key("severity");
      w.Int(lsp_severity(f->severity));
      w.Key("code");
      string(w, f->rule->id);
      w.Key("source");
      w.String("launchlint");
      w.Key("message");
      string(w, diagnostic_message(*f));
      w.EndObject();
      w.EndArray();
      if (fix.preferred) {
        w.Key("isPreferred");
        w.Bool(true);
      }
      w.Key("edit");
      w.StartObject();
      w.Key("changes");
      w.StartObject();
      w.Key(doc->uri.c_str(),
            static_cast<rapidjson::SizeType>(doc->uri.size()));
      w.StartArray();
      for (const ByteEdit& e : fix.edits) {
        w.StartObject();
        w.Key("range");
        range(w, {lines.position_at(e.begin), lines.position_at(e.end)});
        w.Key("newText");
        string(w, e.text);
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
      w.EndObject();
      w.EndObject();
    }
  }
  w.EndArray();
  return buffer.GetString();
}

}  // namespace launchlint::lsp
