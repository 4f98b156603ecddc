#include "linter/schema/schema.h"

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

namespace launchlint {

namespace {

bool flag(const rapidjson::Value& schema, const char* key) {
  auto it = schema.FindMember(key);
  if (it == schema.MemberEnd()) return false;
  if (it->value.IsBool()) return it->value.GetBool();
  return it->value.IsString() &&
         std::string_view(it->value.GetString()) == "true";
}

std::string_view text(const rapidjson::Value& v) {
  return v.IsString() ? std::string_view(v.GetString(), v.GetStringLength())
                      : std::string_view();
}

std::string scalar_text(const rapidjson::Value& v) {
  if (v.IsString()) return std::string(text(v));
  if (v.IsBool()) return v.GetBool() ? "true" : "false";
  if (v.IsInt64()) return fmt::format("{}", v.GetInt64());
  if (v.IsUint64()) return fmt::format("{}", v.GetUint64());
  if (v.IsDouble()) return fmt::format("{}", v.GetDouble());
  return {};
}

SchemaType type_of(const rapidjson::Value& schema) {
  if (flag(schema, "x-kubernetes-int-or-string"))
    return SchemaType::IntOrString;
  if (flag(schema, "x-launchlint-quantity")) return SchemaType::Quantity;
  auto it = schema.FindMember("type");
  std::string_view t = it == schema.MemberEnd() ? "" : text(it->value);
  if (t == "object") return SchemaType::Object;
  if (t == "array") return SchemaType::Array;
  if (t == "string") return SchemaType::String;
  if (t == "integer") return SchemaType::Integer;
  if (t == "number") return SchemaType::Number;
  if (t == "boolean") return SchemaType::Boolean;
  if (t.empty() && (schema.HasMember("properties") ||
                    schema.HasMember("additionalProperties")))
    return SchemaType::Object;
  return SchemaType::Any;
}

}  // namespace

const SchemaNode* SchemaNode::property(std::string_view key) const {
  auto it = std::lower_bound(
      properties.begin(), properties.end(), key,
      [](const auto& p, std::string_view k) { return p.first < k; });
  if (it == properties.end() || it->first != key) return nullptr;
  return it->second;
}

const SchemaNode* SchemaArena::compile_ref(
    std::string_view name, const rapidjson::Value& definitions) {
  auto found = refs_.find(name);
  if (found != refs_.end()) return found->second;
  auto def = definitions.FindMember(
      rapidjson::Value(rapidjson::StringRef(name.data(), name.size())));
  if (def == definitions.MemberEnd()) {
    SchemaNode* any = make();
    refs_.emplace(std::string(name), any);
    return any;
  }
  // Registered before compiling so recursive definitions terminate; the
  // node is filled in place.
  SchemaNode* node = make();
  refs_.emplace(std::string(name), node);
  const SchemaNode* compiled = compile(def->value, &definitions);
  *node = *compiled;
  std::size_t dot = name.rfind('.');
  node->name =
      std::string(dot == std::string_view::npos ? name : name.substr(dot + 1));
  return node;
}

const SchemaNode* SchemaArena::compile(const rapidjson::Value& schema,
                                       const rapidjson::Value* definitions) {
  if (!schema.IsObject()) return make();
  auto ref = schema.FindMember("$ref");
  if (ref != schema.MemberEnd() && definitions) {
    std::string_view name = text(ref->value);
    if (name.starts_with("#/definitions/")) name.remove_prefix(14);
    return compile_ref(name, *definitions);
  }
  SchemaNode* node = make();
  node->type = type_of(schema);
  node->nullable = flag(schema, "nullable");
  node->has_default = schema.HasMember("default");
  node->preserve_unknown = flag(schema, "x-kubernetes-preserve-unknown-fields");
  node->embedded = flag(schema, "x-kubernetes-embedded-resource");
  node->empty_enum_ok = flag(schema, "x-launchlint-empty-enum");
  auto props = schema.FindMember("properties");
  if (props != schema.MemberEnd() && props->value.IsObject()) {
    for (const auto& p : props->value.GetObject()) {
      node->properties.emplace_back(std::string(text(p.name)),
                                    compile(p.value, definitions));
    }
    std::sort(node->properties.begin(), node->properties.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
  }
  auto required = schema.FindMember("required");
  if (required != schema.MemberEnd() && required->value.IsArray()) {
    for (const auto& r : required->value.GetArray())
      if (r.IsString()) node->required.emplace_back(text(r));
  }
  auto values = schema.FindMember("enum");
  if (values != schema.MemberEnd() && values->value.IsArray()) {
    for (const auto& v : values->value.GetArray()) {
      if (v.IsNull()) {
        node->nullable = true;
        continue;
      }
      node->enum_values.push_back(scalar_text(v));
    }
  }
  auto items = schema.FindMember("items");
  if (items != schema.MemberEnd())
    node->items = compile(items->value, definitions);
  auto additional = schema.FindMember("additionalProperties");
  if (additional != schema.MemberEnd()) {
    if (additional->value.IsObject()) {
      node->additional = compile(additional->value, definitions);
    } else if (additional->value.IsBool() && additional->value.GetBool()) {
      node->additional = make();  // any value
    }
  }
  // A structural object with neither properties nor a value schema: in a
  // CRD its content is pruned, so every field is unknown; the built-in
  // definitions mark free-form objects with preserve-unknown-fields.
  return node;
}

const BuiltinSchemas& BuiltinSchemas::get() {
  static const BuiltinSchemas instance;
  return instance;
}

BuiltinSchemas::BuiltinSchemas() {
  std::string_view json = kubernetes_schema_json();
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  if (doc.HasParseError() || !doc.IsObject()) std::abort();  // build-time data
  const rapidjson::Value& definitions = doc["definitions"];
  for (const auto& k : doc["kinds"].GetArray()) {
    std::string group(text(k[0])), version(text(k[1])), kind(text(k[2]));
    const SchemaNode* node =
        arena_.compile(rapidjson::Value().SetObject().AddMember(
                           "$ref", rapidjson::Value(k[3], doc.GetAllocator()),
                           doc.GetAllocator()),
                       &definitions);
    kinds_.emplace(fmt::format("{}/{}/{}", group, version, kind), node);
    if (std::find(groups_.begin(), groups_.end(), group) == groups_.end())
      groups_.push_back(group);
  }
  rapidjson::Value meta;
  meta.SetObject().AddMember("$ref",
                             "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta",
                             doc.GetAllocator());
  object_meta_ = arena_.compile(meta, &definitions);
}

const SchemaNode* BuiltinSchemas::find(std::string_view group,
                                       std::string_view version,
                                       std::string_view kind) const {
  auto it = kinds_.find(fmt::format("{}/{}/{}", group, version, kind));
  return it == kinds_.end() ? nullptr : it->second;
}

bool BuiltinSchemas::has_group(std::string_view group) const {
  // Groups without a dot are Kubernetes' own ("extensions"); so are a few
  // removed ones.
  if (group.find('.') == std::string_view::npos) return true;
  if (group == "settings.k8s.io" || group == "auditregistration.k8s.io")
    return true;
  return std::find(groups_.begin(), groups_.end(), group) != groups_.end();
}

}  // namespace launchlint
