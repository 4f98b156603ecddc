#include "linter/review/attribution.h"

#include <algorithm>

#include <fmt/format.h>

#include "linter/analysis/network_policy.h"
#include "linter/analysis/pod_selections.h"
#include "linter/analysis/references.h"

namespace launchlint {

namespace {

std::string key(const ObjectId& id) {
  return fmt::format("{}\n{}\n{}\n{}", id.api_version, id.kind, id.ns, id.name);
}

std::string use_key(std::string_view ns, std::string_view kind,
                    std::string_view name) {
  return fmt::format("{}\n{}\n{}", ns, kind, name);
}

std::string_view kind_name(RefKind kind) {
  switch (kind) {
    case RefKind::Secret:
      return "Secret";
    case RefKind::ConfigMap:
      return "ConfigMap";
    case RefKind::Pvc:
      return "PersistentVolumeClaim";
  }
  return "";
}

}  // namespace

Attribution::Attribution(const Model& model, const NamespaceModel& namespaces)
    : model_(model), namespaces_(namespaces) {
  // Copies of one identity share a row: the first copy that runs pods, else
  // the first. (A first copy without a pod template, then one with it, was a
  // row the review had never made.)
  const std::vector<Object>& objects = model.objects;
  std::vector<std::size_t*> canonical;
  canonical.reserve(objects.size());
  for (std::size_t i = 0; i < objects.size(); ++i) {
    auto [it, first] = by_id_.emplace(key(objects[i].id), i);
    if (!first && !objects[it->second].runs_pods() && objects[i].runs_pods())
      it->second = i;
    canonical.push_back(&it->second);
  }
  first_copy_.reserve(objects.size());
  for (std::size_t i = 0; i < objects.size(); ++i) {
    first_copy_.push_back(*canonical[i]);
    if (first_copy_[i] == i && objects[i].runs_pods()) workloads_.push_back(i);
  }
  for (const PodRef& pod : namespaces_.pods()) {
    for (const Reference& r : pod_references(*pod.pod)) {
      std::vector<std::size_t>& rows =
          users_[use_key(pod.ns(), kind_name(r.kind), r.name)];
      if (rows.empty() || rows.back() != row(pod.object))
        rows.push_back(row(pod.object));
    }
  }
}

const Object* Attribution::find(const ObjectId& id) const {
  auto it = by_id_.find(key(id));
  return it == by_id_.end() ? nullptr : &model_.objects[it->second];
}

std::size_t Attribution::row(const Object* object) const {
  return first_copy_[static_cast<std::size_t>(object - model_.objects.data())];
}

void Attribution::add_pods(std::span<const std::uint32_t> pods,
                           std::vector<std::size_t>* out) const {
  for (std::uint32_t p : pods)
    out->push_back(row(namespaces_.pods()[p].object));
}

void Attribution::add_backend(std::string_view ns, std::string_view kind,
                              std::string_view name,
                              std::vector<std::size_t>* out) const {
  if (kind != "Service" && kind != "InferencePool") return;
  if (const Object* backend = namespaces_.find_object(ns, kind, name))
    add_pods(namespaces_.selections().pods_of(*backend), out);
}

// HTTPRoute, GRPCRoute and the like: the Services and InferencePools of
// their rules' backendRefs.
void Attribution::behind_route(const Object& route,
                               std::vector<std::size_t>* out) const {
  NodeRef rules = route.spec()["rules"];
  for (std::uint32_t r = 0; r < rules.size(); ++r) {
    NodeRef refs = rules.at(r)["backendRefs"];
    for (std::uint32_t i = 0; i < refs.size(); ++i) {
      NodeRef ref = refs.at(i);
      std::string_view kind =
          ref["kind"].valid() ? ref["kind"].str() : "Service";
      std::string_view ns =
          ref["namespace"].valid() ? ref["namespace"].str() : route.id.ns;
      add_backend(ns, kind, ref["name"].str(), out);
    }
  }
}

// networking.k8s.io/v1 Ingress: the default backend and every path's.
void Attribution::behind_ingress(const Object& ingress,
                                 std::vector<std::size_t>* out) const {
  auto add = [&](NodeRef backend) {
    std::string_view name = backend["service"]["name"].str();
    if (!name.empty()) add_backend(ingress.id.ns, "Service", name, out);
  };
  add(ingress.spec()["defaultBackend"]);
  NodeRef rules = ingress.spec()["rules"];
  for (std::uint32_t r = 0; r < rules.size(); ++r) {
    NodeRef paths = rules.at(r)["http"]["paths"];
    for (std::uint32_t i = 0; i < paths.size(); ++i)
      add(paths.at(i)["backend"]);
  }
}

void Attribution::running_as(std::string_view ns, std::string_view account,
                             std::vector<std::size_t>* out) const {
  const NamespaceInfo* info = namespaces_.find(ns);
  if (!info) return;
  for (std::uint32_t p : info->pods) {
    const PodRef& pod = namespaces_.pods()[p];
    if (pod.service_account == account) out->push_back(row(pod.object));
  }
}

void Attribution::subjects_of(const Object& binding,
                              std::vector<std::size_t>* out) const {
  NodeRef subjects = binding.root["subjects"];
  for (std::uint32_t i = 0; i < subjects.size(); ++i) {
    NodeRef s = subjects.at(i);
    if (s["kind"].str() != "ServiceAccount") continue;
    std::string_view ns = s["namespace"].str();
    running_as(ns.empty() ? binding.id.ns : ns, s["name"].str(), out);
  }
}

void Attribution::bound_to_role(const Object& role,
                                std::vector<std::size_t>* out) const {
  for (std::string_view kind : {"RoleBinding", "ClusterRoleBinding"}) {
    for (const Object* b :
         model_.all_of_kind("rbac.authorization.k8s.io", kind)) {
      NodeRef ref = b->root["roleRef"];
      if (ref["kind"].str() != role.id.kind ||
          ref["name"].str() != role.id.name)
        continue;
      if (role.id.kind == "Role" && b->id.ns != role.id.ns) continue;
      subjects_of(*b, out);
    }
  }
}

// Workloads of the object's namespace whose pods use the Secret, ConfigMap
// or PersistentVolumeClaim `object`.
void Attribution::using_object(const Object& object,
                               std::vector<std::size_t>* out) const {
  auto it = users_.find(use_key(object.id.ns, object.id.kind, object.id.name));
  if (it != users_.end())
    out->insert(out->end(), it->second.begin(), it->second.end());
}

std::vector<std::size_t> Attribution::workloads_of(const Finding& f) const {
  std::vector<std::size_t> out;
  if (f.object.kind.empty()) return out;
  const Object* o = find(f.object);
  if (!o) return out;
  if (o->runs_pods()) {
    out.push_back(row(o));
    return out;
  }
  std::string_view kind = o->id.kind;
  const PodSelections& selections = namespaces_.selections();
  if (o->is("", "Namespace") || o->is("", "ResourceQuota") ||
      o->is("", "LimitRange")) {
    const NamespaceInfo* info =
        namespaces_.find(o->cluster_scoped ? o->id.name : o->id.ns);
    if (info) {
      for (const Object* w : info->workloads) out.push_back(row(w));
    }
  } else if (o->is("", "ServiceAccount")) {
    running_as(o->id.ns, o->id.name, &out);
  } else if (o->group == "rbac.authorization.k8s.io" &&
             (kind == "RoleBinding" || kind == "ClusterRoleBinding")) {
    subjects_of(*o, &out);
  } else if (o->group == "rbac.authorization.k8s.io" &&
             (kind == "Role" || kind == "ClusterRole")) {
    bound_to_role(*o, &out);
  } else if (o->is("networking.k8s.io", "NetworkPolicy")) {
    const NetworkPolicyIndex& index = namespaces_.network_policies();
    if (const NetworkPolicy* policy = index.policy_of(*o)) {
      auto i = static_cast<std::uint32_t>(policy - index.policies().data());
      add_pods(index.selected_by(i), &out);
    }
  } else if (o->is("autoscaling", "HorizontalPodAutoscaler") ||
             o->is("keda.sh", "ScaledObject")) {
    NodeRef target = o->spec()["scaleTargetRef"];
    // KEDA's target kind defaults to Deployment.
    std::string_view target_kind =
        target["kind"].valid() ? target["kind"].str() : "Deployment";
    const Object* w =
        namespaces_.find_object(o->id.ns, target_kind, target["name"].str());
    if (w && w->runs_pods()) out.push_back(row(w));
  } else if (o->is("networking.k8s.io", "Ingress")) {
    behind_ingress(*o, &out);
  } else if (o->group == "gateway.networking.k8s.io" &&
             kind.ends_with("Route")) {
    behind_route(*o, &out);
  } else if (o->is("", "Secret") || o->is("", "ConfigMap") ||
             o->is("", "PersistentVolumeClaim")) {
    using_object(*o, &out);
  } else {
    // Services, PodDisruptionBudgets, InferencePools and monitors.
    add_pods(selections.pods_of(*o), &out);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace launchlint
