#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "linter/lsp/text_position.h"
#include "linter/rules/rule.h"

// Reading LSP params and writing LSP values with rapidjson; shared by the
// server's files.
namespace launchlint::lsp {

using Json = rapidjson::Value;
using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

// Thrown for a request whose params are not what the method needs.
struct BadParams {
  std::string message;
};

// A member of an object, or null.
const Json* member(const Json& object, std::string_view name);
// Members of the given type; BadParams otherwise.
std::string_view string_member(const Json& object, std::string_view name);
const Json& object_member(const Json& object, std::string_view name);
std::uint32_t uint_member(const Json& object, std::string_view name);
Position position_param(const Json& object);
Range range_param(const Json& object);

void string(Writer& w, std::string_view s);
void position(Writer& w, Position p);
void range(Writer& w, const Range& r);

inline bool contains(const Range& r, Position p) {
  return r.start <= p && p <= r.end;
}
inline bool overlaps(const Range& a, const Range& b) {
  return a.start <= b.end && b.start <= a.end;
}

// The rule's documentation page (codeDescription.href).
std::string help_uri(const RuleInfo& rule);
// A finding's message, naming its object.
std::string diagnostic_message(const Finding& f);
// DiagnosticSeverity: 1 error, 2 warning, 3 information.
int lsp_severity(Severity s);

}  // namespace launchlint::lsp
