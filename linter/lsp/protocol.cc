#include "linter/lsp/protocol.h"

#include <fmt/format.h>

#include "linter/output/utf8.h"

namespace launchlint::lsp {

const Json* member(const Json& object, std::string_view name) {
  if (!object.IsObject()) return nullptr;
  auto it = object.FindMember(
      Json(name.data(), static_cast<rapidjson::SizeType>(name.size())));
  return it == object.MemberEnd() ? nullptr : &it->value;
}

std::string_view string_member(const Json& object, std::string_view name) {
  const Json* v = member(object, name);
  if (v == nullptr || !v->IsString()) {
    throw BadParams{fmt::format("'{}' must be a string", name)};
  }
  return {v->GetString(), v->GetStringLength()};
}

const Json& object_member(const Json& object, std::string_view name) {
  const Json* v = member(object, name);
  if (v == nullptr || !v->IsObject()) {
    throw BadParams{fmt::format("'{}' must be an object", name)};
  }
  return *v;
}

std::uint32_t uint_member(const Json& object, std::string_view name) {
  const Json* v = member(object, name);
  if (v == nullptr || !v->IsUint()) {
    throw BadParams{fmt::format("'{}' must be a non-negative integer", name)};
  }
  return v->GetUint();
}

Position position_param(const Json& object) {
  return {uint_member(object, "line"), uint_member(object, "character")};
}

Range range_param(const Json& object) {
  return {position_param(object_member(object, "start")),
          position_param(object_member(object, "end"))};
}

void string(Writer& w, std::string_view s) {
  std::string storage;
  s = as_utf8(s, &storage);
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void position(Writer& w, Position p) {
  w.StartObject();
  w.Key("line");
  w.Uint(p.line);
  w.Key("character");
  w.Uint(p.character);
  w.EndObject();
}

void range(Writer& w, const Range& r) {
  w.StartObject();
  w.Key("start");
  position(w, r.start);
  w.Key("end");
  position(w, r.end);
  w.EndObject();
}

std::string help_uri(const RuleInfo& rule) {
  return fmt::format(
      "https://github.com/launchlint/launchlint/blob/main/"
      "rules/{}/{}.md",
      to_string(rule.area), rule.name);
}

std::string diagnostic_message(const Finding& f) {
  if (f.object.kind.empty()) return std::string(f.message);
  return fmt::format("{}: {}", f.object.display(), f.message);
}

int lsp_severity(Severity s) {
  return s == Severity::Error ? 1 : s == Severity::Warning ? 2 : 3;
}

}  // namespace launchlint::lsp
