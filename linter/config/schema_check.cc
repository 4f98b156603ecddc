#include "linter/config/schema_check.h"

#include <algorithm>
#include <set>
#include <vector>

#include <fmt/format.h>
#include <rapidjson/pointer.h>
// rapidjson's schema.h trips GCC's -Wnull-dereference in its own code.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <rapidjson/schema.h>
#pragma GCC diagnostic pop
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace launchlint {

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string stringify(const rapidjson::Value& v) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  v.Accept(w);
  return buf.GetString();
}

NodeRef find(const std::map<std::string, NodeRef>& m, const std::string& p) {
  auto it = m.find(p);
  return it == m.end() ? NodeRef() : it->second;
}

std::string where(const std::string& pointer) {
  return pointer.empty() ? std::string("the top level") : pointer;
}

}  // namespace

std::string closest_word(std::string_view word,
                         const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const std::string& c : candidates) {
    std::size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

bool check_against_schema(std::string_view schema_text,
                          const JsonWithNodes& doc, NodeRef root,
                          SchemaError* error) {
  rapidjson::Document schema_json;
  schema_json.Parse(schema_text.data(), schema_text.size());
  if (schema_json.HasParseError()) {
    error->location = location_of(root);
    error->message = "internal error: the embedded schema does not parse";
    return false;
  }
  rapidjson::SchemaDocument schema(schema_json);
  rapidjson::SchemaValidator validator(schema);
  if (doc.json.Accept(validator)) return true;

  rapidjson::StringBuffer doc_ptr, schema_ptr;
  validator.GetInvalidDocumentPointer().Stringify(doc_ptr);
  validator.GetInvalidSchemaPointer().Stringify(schema_ptr);
  std::string pointer = doc_ptr.GetString();
  std::string keyword = validator.GetInvalidSchemaKeyword();
  const rapidjson::Value* rule =
      rapidjson::Pointer(schema_ptr.GetString()).Get(schema_json);
  const rapidjson::Value* value =
      rapidjson::Pointer(pointer.c_str()).Get(doc.json);
  NodeRef node = find(doc.nodes, pointer);
  if (!node.valid()) node = root;
  error->location = location_of(node);

  if (keyword == "additionalProperties" && rule) {
    // rapidjson points at the disallowed member itself.
    std::size_t slash = pointer.rfind('/');
    std::string key = pointer.substr(slash + 1);
    for (std::size_t at = 0; (at = key.find("~1", at)) != std::string::npos;)
      key.replace(at, 2, "/");
    for (std::size_t at = 0; (at = key.find("~0", at)) != std::string::npos;)
      key.replace(at, 2, "~");
    std::string parent = pointer.substr(0, slash);
    std::vector<std::string> known;
    if (rule->HasMember("properties")) {
      for (const auto& m : (*rule)["properties"].GetObject())
        known.emplace_back(m.name.GetString());
    }
    NodeRef key_node = find(doc.keys, pointer);
    if (key_node.valid()) error->location = location_of(key_node);
    std::string suggestion = closest_word(key, known);
    std::string list;
    for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
    error->message =
        suggestion.empty()
            ? fmt::format("unknown key \"{}\" in {}; expected one of: {}", key,
                          where(parent), list)
            : fmt::format("unknown key \"{}\"; did you mean \"{}\"?", key,
                          suggestion);
    return false;
  }
  if (keyword == "required" && rule && rule->HasMember("required") && value &&
      value->IsObject()) {
    for (const auto& r : (*rule)["required"].GetArray()) {
      if (!value->HasMember(r.GetString())) {
        error->message = fmt::format("missing required key \"{}\" in {}",
                                     r.GetString(), where(pointer));
        return false;
      }
    }
  }
  if (keyword == "type" && rule && rule->HasMember("type")) {
    error->message = fmt::format("{} must be of type {}", where(pointer),
                                 stringify((*rule)["type"]));
    return false;
  }
  if (keyword == "enum" && rule && rule->HasMember("enum")) {
    error->message = fmt::format("{} must be one of {}", where(pointer),
                                 stringify((*rule)["enum"]));
    return false;
  }
  if (keyword == "pattern" && rule && rule->HasMember("pattern")) {
    std::string hint =
        rule->HasMember("description")
            ? std::string((*rule)["description"].GetString())
            : fmt::format("the pattern {}", (*rule)["pattern"].GetString());
    error->message =
        fmt::format("{} has an invalid format: {}", where(pointer), hint);
    return false;
  }
  if ((keyword == "minLength" || keyword == "minItems") && rule &&
      rule->HasMember(keyword.c_str()) && (*rule)[keyword.c_str()].IsUint()) {
    unsigned least = (*rule)[keyword.c_str()].GetUint();
    error->message =
        least == 1
            ? fmt::format("{} must not be empty", where(pointer))
            : fmt::format("{} needs at least {} {}", where(pointer), least,
                          keyword == "minItems" ? "items" : "characters");
    return false;
  }
  std::string hint;
  if (rule && rule->IsObject() && rule->HasMember("description"))
    hint = fmt::format(": {}", (*rule)["description"].GetString());
  error->message = fmt::format("{} is not valid ({} check failed){}",
                               where(pointer), keyword, hint);
  return false;
}

}  // namespace launchlint
