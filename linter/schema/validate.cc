#include "linter/schema/validate.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "linter/model/quantity.h"

namespace launchlint {

namespace {

enum class ScalarKind : std::uint8_t { String, Int, Float, Bool };

bool all_digits(std::string_view s, int base) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c == '_') continue;
    int d = std::isdigit(static_cast<unsigned char>(c))
                ? c - '0'
                : (std::isxdigit(static_cast<unsigned char>(c))
                       ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                       : 99);
    if (d >= base) return false;
  }
  return true;
}

bool yaml_int(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  if (s.starts_with("0x")) return all_digits(s.substr(2), 16);
  if (s.starts_with("0b")) return all_digits(s.substr(2), 2);
  if (s.size() > 1 && s[0] == '0') return all_digits(s.substr(1), 8);
  return all_digits(s, 10) && s[0] != '_';
}

bool yaml_float(std::string_view s) {
  if (s == ".inf" || s == ".Inf" || s == ".INF" || s == "-.inf" ||
      s == "-.Inf" || s == "-.INF" || s == "+.inf" || s == ".nan" ||
      s == ".NaN" || s == ".NAN")
    return true;
  // [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  auto digits = [&] {
    std::size_t start = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    return i - start;
  };
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (digits() == 0) return false;
  } else {
    if (digits() == 0) return false;
    if (i < s.size() && s[i] == '.') {
      ++i;
      digits();
    }
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    if (digits() == 0) return false;
  }
  return i == s.size();
}

bool yaml_bool(std::string_view s) {
  for (std::string_view b :
       {"true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes",
        "YES",  "no",   "No",   "NO",    "on",    "On",    "ON",  "off",
        "Off",  "OFF",  "y",    "Y",     "n",     "N"}) {
    if (s == b) return true;
  }
  return false;
}

// What a scalar becomes when kubectl or Helm turns the YAML into JSON
// (YAML 1.1 resolution, as sigs.k8s.io/yaml does).
ScalarKind classify(NodeRef v) {
  if (v.quoted()) return ScalarKind::String;
  std::string_view s = v.str();
  if (s.empty()) return ScalarKind::String;
  char c = s[0];
  bool numeric_start = std::isdigit(static_cast<unsigned char>(c)) ||
                       c == '-' || c == '+' || c == '.';
  if (numeric_start) {
    if (yaml_int(s)) return ScalarKind::Int;
    if (yaml_float(s)) return ScalarKind::Float;
    return ScalarKind::String;
  }
  if (s.size() <= 5 && yaml_bool(s)) return ScalarKind::Bool;
  return ScalarKind::String;
}

// An unquoted `${VAR}` or `$VAR`: a placeholder that envsubst or a CI step
// fills in before the apply, so its type is not known yet.
bool placeholder(NodeRef v) {
  std::string_view s = v.str();
  if (v.quoted() || s.size() < 2 || s[0] != '$') return false;
  char c = s[1];
  return c == '{' || c == '_' || std::isalpha(static_cast<unsigned char>(c));
}

bool integral_float(std::string_view s) {
  std::string buf(s);
  char* end = nullptr;
  double d = std::strtod(buf.c_str(), &end);
  return end == buf.c_str() + buf.size() && std::isfinite(d) &&
         d == std::floor(d);
}

std::string describe(NodeRef v) {
  if (v.is_map()) return "a mapping";
  if (v.is_seq()) return "a list";
  switch (classify(v)) {
    case ScalarKind::Int:
      return fmt::format("the integer {}", v.str());
    case ScalarKind::Float:
      return fmt::format("the number {}", v.str());
    case ScalarKind::Bool:
      return fmt::format("the boolean {}", v.str());
    case ScalarKind::String:
      break;
  }
  return fmt::format("the string \"{}\"", v.str());
}

std::string_view expected(SchemaType t) {
  switch (t) {
    case SchemaType::Object:
      return "a mapping";
    case SchemaType::Array:
      return "a list";
    case SchemaType::String:
      return "a string";
    case SchemaType::Integer:
      return "an integer";
    case SchemaType::Number:
      return "a number";
    case SchemaType::Boolean:
      return "a boolean (true or false)";
    case SchemaType::IntOrString:
      return "an integer or a string";
    case SchemaType::Quantity:
      return "a quantity (such as 500m, 2, 16Gi)";
    case SchemaType::Any:
      break;
  }
  return "any value";
}

struct Segment {
  std::string_view key;
  std::uint32_t index = 0;
  bool is_index = false;
};

class Walker {
 public:
  Walker(const SchemaNode& object_meta, std::vector<SchemaViolation>* out)
      : object_meta_(object_meta), out_(out) {}

  void root(NodeRef map, const SchemaNode& schema) {
    check_map(map, schema, /*root=*/true);
  }

 private:
  std::string path() const {
    std::string p;
    for (const Segment& s : path_) {
      if (s.is_index) {
        fmt::format_to(std::back_inserter(p), "[{}]", s.index);
      } else {
        if (!p.empty()) p.push_back('.');
        p.append(s.key);
      }
    }
    return p;
  }

  // "spec.template.spec.containers[0] (Container)", for messages.
  std::string where(const SchemaNode& s) const {
    std::string p = path();
    if (p.empty()) p = "the top level";
    if (!s.name.empty()) fmt::format_to(std::back_inserter(p), " ({})", s.name);
    return p;
  }

  void report(ViolationKind kind, NodeRef at, std::string message) {
    out_->push_back({kind, at, std::move(message)});
  }

  void check(NodeRef v, const SchemaNode& s) {
    if (v.is_null()) return;  // null on an optional field: accepted
    switch (s.type) {
      case SchemaType::Any:
        if (s.embedded && v.is_map()) check_map(v, s, false);
        return;
      case SchemaType::Object:
        if (!v.is_map()) return type_error(v, s);
        return check_map(v, s, false);
      case SchemaType::Array:
        if (!v.is_seq()) return type_error(v, s);
        if (!s.items) return;
        for (std::uint32_t i = 0; i < v.size(); ++i) {
          path_.push_back({{}, i, true});
          check(v.at(i), *s.items);
          path_.pop_back();
        }
        return;
      default:
        break;
    }
    if (!v.is_scalar()) return type_error(v, s);
    if (placeholder(v)) return;
    ScalarKind k = classify(v);
    bool ok = true;
    switch (s.type) {
      case SchemaType::String:
        ok = k == ScalarKind::String;
        break;
      case SchemaType::Integer:
        ok = k == ScalarKind::Int ||
             (k == ScalarKind::Float && integral_float(v.str()));
        break;
      case SchemaType::Number:
        ok = k == ScalarKind::Int || k == ScalarKind::Float;
        break;
      case SchemaType::Boolean:
        ok = k == ScalarKind::Bool;
        break;
      case SchemaType::IntOrString:
        ok = k == ScalarKind::Int || k == ScalarKind::String;
        break;
      case SchemaType::Quantity: {
        double value = 0;
        ok = k != ScalarKind::Bool && parse_quantity(v.str(), &value);
        break;
      }
      default:
        break;
    }
    if (!ok) return type_error(v, s);
    if (!s.enum_values.empty()) check_enum(v, s);
  }

  void type_error(NodeRef v, const SchemaNode& s) {
    std::string fix;
    if (v.is_scalar() &&
        (s.type == SchemaType::String || (s.type == SchemaType::IntOrString &&
                                          classify(v) == ScalarKind::Float))) {
      fix = fmt::format(": quote it, \"{}\"", v.str());
    } else if (v.is_scalar() && v.quoted() &&
               (s.type == SchemaType::Integer || s.type == SchemaType::Number ||
                s.type == SchemaType::Boolean)) {
      fix = ": remove the quotes";
    }
    report(ViolationKind::Type, v,
           fmt::format("{} must be {}, not {}{}", where(s), expected(s.type),
                       describe(v), fix));
  }

  void check_enum(NodeRef v, const SchemaNode& s) {
    std::string_view text = v.str();
    if (text.empty() && s.empty_enum_ok) return;
    for (const std::string& e : s.enum_values)
      if (e == text) return;
    std::vector<std::string_view> names(s.enum_values.begin(),
                                        s.enum_values.end());
    std::string_view near = nearest_name(text, names);
    std::string list;
    for (std::size_t i = 0; i < names.size() && i < 12; ++i) {
      if (i) list += ", ";
      list += names[i];
    }
    if (names.size() > 12) list += ", ...";
    report(ViolationKind::Enum, v,
           fmt::format(
               "{} is \"{}\", which is not one of: {}{}", where(s), text, list,
               near.empty() ? std::string()
                            : fmt::format("; did you mean \"{}\"?", near)));
  }

  void unknown_field(NodeRef key, const SchemaNode& s) {
    std::vector<std::string_view> names;
    names.reserve(s.properties.size());
    for (const auto& p : s.properties) names.push_back(p.first);
    std::string_view near = nearest_name(key.str(), names);
    std::string hint = near.empty()
                           ? std::string()
                           : fmt::format("; did you mean \"{}\"?", near);
    report(
        ViolationKind::UnknownField, key,
        fmt::format("unknown field \"{}\" in {}{}", key.str(), where(s), hint));
  }

  void check_map(NodeRef map, const SchemaNode& s, bool root) {
    bool resource = root || s.embedded;
    std::uint32_t n = map.size();
    for (std::uint32_t i = 0; i < n; ++i) {
      NodeRef key = map.key_at(i);
      if (!key.is_scalar()) continue;
      std::string_view name = key.str();
      NodeRef value = map.at(i);
      const SchemaNode* child = nullptr;
      if (resource) {
        if (name == "apiVersion" || name == "kind") continue;
        if (name == "metadata") child = &object_meta_;
        if (root && name == "status") continue;
      }
      if (!child) child = s.property(name);
      if (!child) child = s.additional;
      if (!child) {
        if (!s.preserve_unknown) unknown_field(key, s);
        continue;
      }
      path_.push_back({name});
      check(value, *child);
      path_.pop_back();
    }
    for (const std::string& name : s.required) {
      if (root && name == "status") continue;
      const SchemaNode* child = s.property(name);
      if (child && child->has_default) continue;
      NodeRef value = map.get(name);
      if (!value.valid()) {
        report(ViolationKind::Required, map,
               fmt::format("{} is missing the required field \"{}\"", where(s),
                           name));
      } else if (value.is_null() && !(child && child->nullable)) {
        report(ViolationKind::Required, value,
               fmt::format("{} sets the required field \"{}\" to null",
                           where(s), name));
      }
    }
  }

  const SchemaNode& object_meta_;
  std::vector<SchemaViolation>* out_;
  std::vector<Segment> path_;
};

}  // namespace

void validate_object(NodeRef root, const SchemaNode& schema,
                     const SchemaNode& object_meta,
                     std::vector<SchemaViolation>* out) {
  if (!root.is_map()) return;
  Walker(object_meta, out).root(root, schema);
}

}  // namespace launchlint
