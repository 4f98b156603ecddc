#include "linter/review/attribution.h"

#include <algorithm>

#include "linter/model/selectors.h"

namespace launchlint {

namespace {

std::string service_account_of(const Object& o) {
  for (const PodTemplate& pod : o.pods) {
    std::string_view sa = pod.spec["serviceAccountName"].str();
    if (sa.empty()) sa = pod.spec["serviceAccount"].str();
    if (!sa.empty()) return std::string(sa);
  }
  return "default";
}

std::string key(const ObjectId& id) {
  return id.api_version + '\n' + id.kind + '\n' + id.ns + '\n' + id.name;
}

}  // namespace

Attribution::Attribution(const Model& model) : model_(model) {
  for (std::size_t i = 0; i < model.objects.size(); ++i) {
    if (model.objects[i].runs_pods()) workloads_.push_back(i);
    by_id_.emplace(key(model.objects[i].id), i);
  }
}

const Object* Attribution::find(const ObjectId& id) const {
  auto it = by_id_.find(key(id));
  return it == by_id_.end() ? nullptr : &model_.objects[it->second];
}

std::vector<std::size_t> Attribution::running_as(
    const std::string& ns, const std::string& account) const {
  std::vector<std::size_t> out;
  for (std::size_t w : workloads_) {
    const Object& o = model_.objects[w];
    if (o.id.ns == ns && service_account_of(o) == account) out.push_back(w);
  }
  return out;
}

std::vector<std::size_t> Attribution::selected_by(const std::string& ns,
                                                  NodeRef selector,
                                                  bool empty_selects_all) const {
  std::vector<std::size_t> out;
  if (!selector.is_map() && !empty_selects_all) return out;
  if (selector.is_map() && selector.size() == 0 && !empty_selects_all) return out;
  for (std::size_t w : workloads_) {
    const Object& o = model_.objects[w];
    if (o.id.ns != ns) continue;
    bool structured = selector["matchLabels"].valid() ||
                      selector["matchExpressions"].valid();
    for (const PodTemplate& pod : o.pods) {
      NodeRef labels = pod.metadata["labels"];
      if (structured ? selector_matches(selector, labels)
                     : labels_match(selector, labels)) {
        out.push_back(w);
        break;
      }
    }
  }
  return out;
}

std::vector<std::size_t> Attribution::subjects_of(const Object& binding) const {
  std::vector<std::size_t> out;
  NodeRef subjects = binding.root["subjects"];
  for (std::uint32_t i = 0; i < subjects.size(); ++i) {
    NodeRef s = subjects.at(i);
    if (s["kind"].str() != "ServiceAccount") continue;
    std::string ns(s["namespace"].str());
    if (ns.empty()) ns = binding.id.ns;
    for (std::size_t w : running_as(ns, std::string(s["name"].str())))
      out.push_back(w);
  }
  return out;
}

std::vector<std::size_t> Attribution::bound_to_role(const Object& role) const {
  std::vector<std::size_t> out;
  for (const Object& b : model_.objects) {
    if (b.group != "rbac.authorization.k8s.io" ||
        (b.id.kind != "RoleBinding" && b.id.kind != "ClusterRoleBinding"))
      continue;
    NodeRef ref = b.root["roleRef"];
    if (ref["kind"].str() != role.id.kind || ref["name"].str() != role.id.name)
      continue;
    if (role.id.kind == "Role" && b.id.ns != role.id.ns) continue;
    for (std::size_t w : subjects_of(b)) out.push_back(w);
  }
  return out;
}

std::vector<std::size_t> Attribution::workloads_of(const Finding& f) const {
  std::vector<std::size_t> out;
  if (f.object.kind.empty()) return out;
  const Object* o = find(f.object);
  if (!o) return out;
  if (o->runs_pods()) {
    out.push_back(static_cast<std::size_t>(o - model_.objects.data()));
    return out;
  }
  const std::string& kind = o->id.kind;
  if (o->group.empty() && kind == "Namespace") {
    for (std::size_t w : workloads_) {
      if (model_.objects[w].id.ns == o->id.name) out.push_back(w);
    }
  } else if (o->group.empty() &&
             (kind == "ResourceQuota" || kind == "LimitRange")) {
    for (std::size_t w : workloads_) {
      if (model_.objects[w].id.ns == o->id.ns) out.push_back(w);
    }
  } else if (o->group.empty() && kind == "ServiceAccount") {
    out = running_as(o->id.ns, o->id.name);
  } else if (o->group == "rbac.authorization.k8s.io" &&
             (kind == "RoleBinding" || kind == "ClusterRoleBinding")) {
    out = subjects_of(*o);
  } else if (o->group == "rbac.authorization.k8s.io" &&
             (kind == "Role" || kind == "ClusterRole")) {
    out = bound_to_role(*o);
  } else if (o->group.empty() && kind == "Service") {
    out = selected_by(o->id.ns, o->spec()["selector"], false);
  } else if (o->group == "policy" && kind == "PodDisruptionBudget") {
    out = selected_by(o->id.ns, o->spec()["selector"], false);
  } else if (o->group == "networking.k8s.io" && kind == "NetworkPolicy") {
    out = selected_by(o->id.ns, o->spec()["podSelector"], true);
  } else if (o->group == "monitoring.coreos.com" &&
             (kind == "ServiceMonitor" || kind == "PodMonitor")) {
    out = selected_by(o->id.ns, o->spec()["selector"], false);
  } else if (o->group == "autoscaling" && kind == "HorizontalPodAutoscaler") {
    NodeRef target = o->spec()["scaleTargetRef"];
    for (std::size_t w : workloads_) {
      const Object& t = model_.objects[w];
      if (t.id.ns == o->id.ns && t.id.kind == target["kind"].str() &&
          t.id.name == target["name"].str())
        out.push_back(w);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace launchlint
