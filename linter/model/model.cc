#include "linter/model/model.h"

#include <set>
#include <utility>

#include "linter/model/kinds.h"
#include "linter/model/pod_templates.h"

namespace launchlint {

namespace {

bool read_object(std::shared_ptr<const Document> doc, NodeRef root,
                 const std::string& default_namespace, Object* out) {
  if (!root.is_map()) return false;
  std::string_view api_version = root["apiVersion"].str();
  std::string_view kind = root["kind"].str();
  if (api_version.empty() || kind.empty()) return false;
  Object& o = *out;
  o.document = std::move(doc);
  o.root = root;
  o.metadata = root["metadata"];
  o.id.api_version = api_version;
  o.id.kind = kind;
  o.id.name = o.metadata["name"].str();
  if (o.id.name.empty()) o.id.name = o.metadata["generateName"].str();
  split_api_version(api_version, &o.group, &o.version);
  o.cluster_scoped = is_cluster_scoped_kind(o.group, kind);
  if (!o.cluster_scoped) {
    o.id.ns = o.metadata["namespace"].str();
    o.namespace_defaulted = o.id.ns.empty();
    if (o.namespace_defaulted) {
      StringPool& strings = *o.document->strings();
      o.id.ns = strings.get(strings.intern(default_namespace));
    }
  }
  o.pods = find_pod_templates(o);
  return true;
}

}  // namespace

DocumentObjects read_document(std::shared_ptr<const Document> doc,
                              const std::string& default_namespace) {
  DocumentObjects out;
  NodeRef root = doc->root();
  std::string_view kind = root["kind"].str();
  if (kind.ends_with("List") && root["items"].is_seq() &&
      root["apiVersion"].is_scalar()) {
    NodeRef items = root["items"];
    for (std::uint32_t i = 0; i < items.size(); ++i) {
      Object o;
      if (read_object(doc, items.at(i), default_namespace, &o)) {
        out.objects.push_back(std::move(o));
      } else {
        ++out.skipped;
      }
    }
    return out;
  }
  Object o;
  if (read_object(std::move(doc), root, default_namespace, &o)) {
    out.objects.push_back(std::move(o));
  } else {
    ++out.skipped;
  }
  return out;
}

void Model::add(DocumentObjects&& read) {
  ++stats.documents;
  stats.skipped_documents += read.skipped;
  if (objects.empty()) {
    objects = std::move(read.objects);
    return;
  }
  objects.insert(objects.end(), std::make_move_iterator(read.objects.begin()),
                 std::make_move_iterator(read.objects.end()));
}

void Model::add_document(std::shared_ptr<const Document> doc,
                         const std::string& default_namespace) {
  add(read_document(std::move(doc), default_namespace));
}

const AcceleratorVocabulary& Model::accelerators() const {
  static const AcceleratorVocabulary kBuiltin;
  return accelerators_ ? *accelerators_ : kBuiltin;
}

const Object* Model::find_namespace(std::string_view name) const {
  auto it = namespaces_.find(name);
  return it == namespaces_.end() ? nullptr : it->second;
}

namespace {

std::string kind_key(std::string_view ns, std::string_view group,
                     std::string_view kind) {
  std::string key;
  key.reserve(ns.size() + group.size() + kind.size() + 2);
  key.append(ns).append(1, '\n').append(group).append(1, '\n').append(kind);
  return key;
}

const std::vector<const Object*> kNoObjects;

}  // namespace

const std::vector<const Object*>& Model::in_namespace(
    std::string_view ns) const {
  auto it = by_namespace_.find(ns);
  return it == by_namespace_.end() ? kNoObjects : it->second;
}

const std::vector<const Object*>& Model::of_kind(std::string_view ns,
                                                 std::string_view group,
                                                 std::string_view kind) const {
  auto it = by_kind_.find(kind_key(ns, group, kind));
  return it == by_kind_.end() ? kNoObjects : it->second;
}

const std::vector<const Object*>& Model::all_of_kind(
    std::string_view group, std::string_view kind) const {
  auto it = by_group_kind_.find(kind_key("", group, kind));
  return it == by_group_kind_.end() ? kNoObjects : it->second;
}

void Model::finish(const AcceleratorVocabulary& accelerators) {
  accelerators_ = std::make_shared<const AcceleratorVocabulary>(accelerators);
  for (Object& o : objects) {
    for (PodTemplate& pod : o.pods) {
      pod.accelerators = accelerators_.get();
      pod.accelerator_count = pod_accelerators(pod);
    }
  }
  namespaces_.clear();
  for (const Object& o : objects) {
    if (o.group.empty() && o.id.kind == "Namespace")
      namespaces_.emplace(o.id.name, &o);
  }
  std::set<std::pair<std::string_view, std::string_view>> cluster_kinds;
  for (const Object& o : objects) {
    if (!o.is("apiextensions.k8s.io", "CustomResourceDefinition")) continue;
    NodeRef spec = o.spec();
    if (spec["scope"].str() != "Cluster") continue;
    cluster_kinds.emplace(spec["group"].str(), spec["names"]["kind"].str());
  }
  for (Object& o : objects) {
    if (o.cluster_scoped || !cluster_kinds.count({o.group, o.id.kind}))
      continue;
    o.cluster_scoped = true;
    o.id.ns = {};
  }
  by_namespace_.clear();
  by_kind_.clear();
  by_group_kind_.clear();
  for (const Object& o : objects) {
    by_namespace_[o.id.ns].push_back(&o);
    by_kind_[kind_key(o.id.ns, o.group, o.id.kind)].push_back(&o);
    by_group_kind_[kind_key("", o.group, o.id.kind)].push_back(&o);
  }
}

}  // namespace launchlint
