#include "linter/review/attribution.h"

#include <algorithm>

#include <fmt/format.h>

#include "linter/model/selector_match.h"
#include "linter/review/uses.h"

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
  return fmt::format("{}\n{}\n{}\n{}", id.api_version, id.kind, id.ns, id.name);
}

}  // namespace

Attribution::Attribution(const Model& model) : model_(model) {
  // With values sets the model holds one copy of an object per set: the
  // first copy is its row.
  for (std::size_t i = 0; i < model.objects.size(); ++i) {
    bool first = by_id_.emplace(key(model.objects[i].id), i).second;
    if (first && model.objects[i].runs_pods()) workloads_.push_back(i);
  }
}

const Object* Attribution::find(const ObjectId& id) const {
  auto it = by_id_.find(key(id));
  return it == by_id_.end() ? nullptr : &model_.objects[it->second];
}

std::vector<std::size_t> Attribution::running_as(
    std::string_view ns, std::string_view account) const {
  std::vector<std::size_t> out;
  for (std::size_t w : workloads_) {
    const Object& o = model_.objects[w];
    if (o.id.ns == ns && service_account_of(o) == account) out.push_back(w);
  }
  return out;
}

template <typename Match>
std::vector<std::size_t> Attribution::pods_matching(std::string_view ns,
                                                    Match matches) const {
  std::vector<std::size_t> out;
  for (std::size_t w : workloads_) {
    const Object& o = model_.objects[w];
    if (o.id.ns != ns) continue;
    for (const PodTemplate& pod : o.pods) {
      if (matches(pod_labels(o, pod))) {
        out.push_back(w);
        break;
      }
    }
  }
  return out;
}

std::vector<std::size_t> Attribution::behind_service(
    const Object& service) const {
  NodeRef selector = service.spec()["selector"];
  return pods_matching(service.id.ns, [&](const LabelSet& labels) {
    return map_selector_matches(selector, labels);
  });
}

// A ServiceMonitor selects Services (by their own labels) and scrapes the
// pods behind them; a PodMonitor selects pods. Both watch the namespaces of
// their namespaceSelector, else their own.
std::vector<std::size_t> Attribution::monitored_by(
    const Object& monitor) const {
  std::vector<std::size_t> out;
  NodeRef selector = monitor.spec()["selector"];
  if (monitor.id.kind == "PodMonitor") {
    for (std::size_t w : workloads_) {
      const Object& o = model_.objects[w];
      if (!monitor_watches_namespace(monitor, o.id.ns)) continue;
      for (const PodTemplate& pod : o.pods) {
        if (label_selector_matches(selector, pod_labels(o, pod))) {
          out.push_back(w);
          break;
        }
      }
    }
    return out;
  }
  for (const Object& svc : model_.objects) {
    if (!svc.is("", "Service") ||
        !monitor_watches_namespace(monitor, svc.id.ns) ||
        !label_selector_matches(selector, labels_of(svc.labels())))
      continue;
    for (std::size_t w : behind_service(svc)) out.push_back(w);
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
    for (std::size_t w : running_as(ns, s["name"].str())) out.push_back(w);
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

// Workloads of the object's namespace whose pods use the Secret, ConfigMap
// or PersistentVolumeClaim `object`.
std::vector<std::size_t> Attribution::using_object(const Object& object) const {
  std::vector<std::size_t> out;
  for (std::size_t w : workloads_) {
    const Object& o = model_.objects[w];
    if (o.id.ns != object.id.ns) continue;
    for (const PodTemplate& pod : o.pods) {
      if (pod_uses(pod, object.id.kind, object.id.name)) {
        out.push_back(w);
        break;
      }
    }
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
  std::string_view kind = o->id.kind;
  if (o->is("", "Namespace")) {
    for (std::size_t w : workloads_) {
      if (model_.objects[w].id.ns == o->id.name) out.push_back(w);
    }
  } else if (o->is("", "ResourceQuota") || o->is("", "LimitRange")) {
    for (std::size_t w : workloads_) {
      if (model_.objects[w].id.ns == o->id.ns) out.push_back(w);
    }
  } else if (o->is("", "ServiceAccount")) {
    out = running_as(o->id.ns, o->id.name);
  } else if (o->group == "rbac.authorization.k8s.io" &&
             (kind == "RoleBinding" || kind == "ClusterRoleBinding")) {
    out = subjects_of(*o);
  } else if (o->group == "rbac.authorization.k8s.io" &&
             (kind == "Role" || kind == "ClusterRole")) {
    out = bound_to_role(*o);
  } else if (o->is("", "Service")) {
    out = behind_service(*o);
  } else if (o->is("policy", "PodDisruptionBudget")) {
    // policy/v1: an empty selector selects every pod of the namespace.
    NodeRef selector = o->spec()["selector"];
    out = pods_matching(o->id.ns, [&](const LabelSet& labels) {
      return label_selector_matches(selector, labels);
    });
  } else if (o->is("networking.k8s.io", "NetworkPolicy")) {
    // An empty podSelector selects every pod of the namespace.
    NodeRef selector = o->spec()["podSelector"];
    out = pods_matching(o->id.ns, [&](const LabelSet& labels) {
      return !selector.valid() || selector.is_null() ||
             label_selector_matches(selector, labels);
    });
  } else if (o->is("monitoring.coreos.com", "ServiceMonitor") ||
             o->is("monitoring.coreos.com", "PodMonitor")) {
    out = monitored_by(*o);
  } else if (o->is("autoscaling", "HorizontalPodAutoscaler")) {
    NodeRef target = o->spec()["scaleTargetRef"];
    for (std::size_t w : workloads_) {
      const Object& t = model_.objects[w];
      if (t.id.ns == o->id.ns && t.id.kind == target["kind"].str() &&
          t.id.name == target["name"].str())
        out.push_back(w);
    }
  } else if (o->is("", "Secret") || o->is("", "ConfigMap") ||
             o->is("", "PersistentVolumeClaim")) {
    out = using_object(*o);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace launchlint
