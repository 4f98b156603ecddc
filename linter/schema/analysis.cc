#include "linter/schema/analysis.h"

#include <atomic>

#include <fmt/format.h>

namespace launchlint {

namespace {

// A YAML subtree as JSON, for the schema compiler. Scalars stay strings,
// except booleans (the schema markers).
void to_json(NodeRef node, rapidjson::Value* out,
             rapidjson::Document::AllocatorType& alloc, int depth) {
  if (depth > 200) {
    out->SetNull();
  } else if (node.is_map()) {
    out->SetObject();
    for (std::uint32_t i = 0; i < node.size(); ++i) {
      std::string_view key = node.key_at(i).str();
      rapidjson::Value k(key.data(),
                         static_cast<rapidjson::SizeType>(key.size()), alloc);
      rapidjson::Value v;
      to_json(node.at(i), &v, alloc, depth + 1);
      out->AddMember(k, v, alloc);
    }
  } else if (node.is_seq()) {
    out->SetArray();
    for (std::uint32_t i = 0; i < node.size(); ++i) {
      rapidjson::Value v;
      to_json(node.at(i), &v, alloc, depth + 1);
      out->PushBack(v, alloc);
    }
  } else if (node.is_scalar()) {
    std::string_view s = node.str();
    if (!node.quoted() && (s == "true" || s == "false")) {
      out->SetBool(s == "true");
    } else {
      out->SetString(s.data(), static_cast<rapidjson::SizeType>(s.size()),
                     alloc);
    }
  } else {
    out->SetNull();
  }
}

std::string key3(std::string_view g, std::string_view v, std::string_view k) {
  return fmt::format("{}/{}/{}", g, v, k);
}

}  // namespace

void CrdSchemas::add(NodeRef crd, std::shared_ptr<const Document> keep_alive) {
  if (crd["kind"].str() != "CustomResourceDefinition" ||
      !crd["apiVersion"].str().starts_with("apiextensions.k8s.io/"))
    return;
  NodeRef spec = crd["spec"];
  std::string_view group = spec["group"].str();
  std::string_view kind = spec["names"]["kind"].str();
  if (kind.empty()) return;
  kinds_.emplace(fmt::format("{}/{}", group, kind), 0);
  bool used = false;
  NodeRef versions = spec["versions"];
  NodeRef shared = spec["validation"]["openAPIV3Schema"];  // v1beta1
  for (std::uint32_t i = 0; i < versions.size(); ++i) {
    NodeRef v = versions.at(i);
    if (v["served"].is_false()) continue;
    NodeRef schema = v["schema"]["openAPIV3Schema"];
    if (!schema.is_map()) schema = shared;
    // A served version without a schema accepts anything: an invalid
    // handle compiles to a node that preserves unknown fields.
    used |= versions_.emplace(key3(group, v["name"].str(), kind), Entry{schema})
                .second;
  }
  if (!versions.is_seq() && !spec["version"].str().empty())
    used |=
        versions_
            .emplace(key3(group, spec["version"].str(), kind), Entry{shared})
            .second;
  if (used) documents_.push_back(std::move(keep_alive));
}

const SchemaNode* CrdSchemas::find(std::string_view group,
                                   std::string_view version,
                                   std::string_view kind) {
  auto it = versions_.find(key3(group, version, kind));
  if (it == versions_.end()) return nullptr;
  Entry& e = it->second;
  if (!e.compiled) {
    if (e.schema.is_map()) {
      rapidjson::Document json;
      to_json(e.schema, &json, json.GetAllocator(), 0);
      e.compiled = arena_.compile(json);
    } else {
      SchemaNode* any = arena_.make();
      any->preserve_unknown = true;
      e.compiled = any;
    }
  }
  return e.compiled;
}

bool CrdSchemas::defines(std::string_view group, std::string_view kind) const {
  return kinds_.count(fmt::format("{}/{}", group, kind)) > 0;
}

SchemaAnalysis::SchemaAnalysis(
    const Model& model,
    const std::vector<std::shared_ptr<const Document>>& crd_documents) {
  static std::atomic<std::uint64_t> serials{0};
  serial_ = ++serials;
  for (const Object& o : model.objects) {
    if (o.id.kind == "CustomResourceDefinition") crds_.add(o.root, o.document);
  }
  for (const auto& doc : crd_documents) {
    NodeRef root = doc->root();
    NodeRef items = root["items"];
    if (root["kind"].str().ends_with("List") && items.is_seq()) {
      for (std::uint32_t i = 0; i < items.size(); ++i)
        crds_.add(items.at(i), doc);
    } else {
      crds_.add(root, doc);
    }
  }
  const BuiltinSchemas& builtin = BuiltinSchemas::get();
  for (const Object& o : model.objects) {
    if (builtin.find(o.group, o.version, o.id.kind)) continue;
    // Compiles every CRD schema an object uses now, so that later lookups
    // (rules on several threads) only read.
    if (crds_.find(o.group, o.version, o.id.kind)) continue;
    // Removed or unknown versions of built-in groups: the removed-API
    // rule's job, not a missing schema.
    if (builtin.has_group(o.group)) continue;
    MissingKind& m =
        missing_[fmt::format("{} {}", o.id.api_version, o.id.kind)];
    if (!m.first) {
      m.first = &o;
      m.crd_without_version = crds_.defines(o.group, o.id.kind);
    }
    ++m.count;
  }
}

const SchemaNode* SchemaAnalysis::schema_of(const Object& o) const {
  const SchemaNode* s =
      BuiltinSchemas::get().find(o.group, o.version, o.id.kind);
  return s ? s : crds_.find(o.group, o.version, o.id.kind);
}

const std::vector<SchemaViolation>& SchemaAnalysis::violations(
    const Object& object) const {
  // Rules run object by object on each thread: the four schema rules share
  // one walk of the object through this thread's last result.
  thread_local std::uint64_t cached_for = 0;
  thread_local const Object* cached = nullptr;
  thread_local std::vector<SchemaViolation> cached_violations;
  if (cached_for == serial_ && cached == &object) return cached_violations;
  cached_for = serial_;
  cached = &object;
  cached_violations.clear();
  if (const SchemaNode* s = schema_of(object)) {
    validate_object(object.root, *s, *BuiltinSchemas::get().object_meta(),
                    &cached_violations);
  }
  return cached_violations;
}

const SchemaAnalysis::MissingKind* SchemaAnalysis::missing(
    const Object& object) const {
  auto it = missing_.find(
      fmt::format("{} {}", object.id.api_version, object.id.kind));
  if (it == missing_.end() || it->second.first != &object) return nullptr;
  return &it->second;
}

}  // namespace launchlint
