#include "linter/review/attribution.h"

#include <algorithm>

#include <fmt/format.h>

#include "linter/model/selector_match.h"
#include "linter/review/uses.h"

namespace launchlint {

namespace {

bool is_inference_pool(const Object& o) {
  return o.id.kind == "InferencePool" &&
         (o.group == "inference.networking.x-k8s.io" ||
          o.group == "inference.networking.k8s.io");
}

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

std::vector<std::size_t> Attribution::behind_service_named(
    std::string_view ns, std::string_view name) const {
  const Object* svc = find(ObjectId{"v1", "Service", ns, name});
  return svc ? behind_service(*svc) : std::vector<std::size_t>{};
}

// An InferencePool selects model-server pods: v1 by a LabelSelector,
// v1alpha2 by a plain label map.
std::vector<std::size_t> Attribution::in_pool(const Object& pool) const {
  NodeRef selector = pool.spec()["selector"];
  bool label_selector =
      selector["matchLabels"].valid() || selector["matchExpressions"].valid();
  return pods_matching(pool.id.ns, [&](const LabelSet& labels) {
    return label_selector ? label_selector_matches(selector, labels)
                          : map_selector_matches(selector, labels);
  });
}

// HTTPRoute, GRPCRoute and the like: the Services and InferencePools of
// their rules' backendRefs.
std::vector<std::size_t> Attribution::behind_route(const Object& route) const {
  std::vector<std::size_t> out;
  NodeRef rules = route.spec()["rules"];
  for (std::uint32_t r = 0; r < rules.size(); ++r) {
    NodeRef refs = rules.at(r)["backendRefs"];
    for (std::uint32_t i = 0; i < refs.size(); ++i) {
      NodeRef ref = refs.at(i);
      std::string_view kind =
          ref["kind"].valid() ? ref["kind"].str() : "Service";
      std::string_view ns =
          ref["namespace"].valid() ? ref["namespace"].str() : route.id.ns;
      std::vector<std::size_t> more;
      if (kind == "Service") {
        more = behind_service_named(ns, ref["name"].str());
      } else if (kind == "InferencePool") {
        for (const Object& pool : model_.objects) {
          if (is_inference_pool(pool) && pool.id.ns == ns &&
              pool.id.name == ref["name"].str())
            more = in_pool(pool);
        }
      }
      out.insert(out.end(), more.begin(), more.end());
    }
  }
  return out;
}

// networking.k8s.io/v1 Ingress: the default backend and every path's.
std::vector<std::size_t> Attribution::behind_ingress(
    const Object& ingress) const {
  std::vector<std::size_t> out;
  auto add = [&](NodeRef backend) {
    std::string_view name = backend["service"]["name"].str();
    if (name.empty()) return;
    std::vector<std::size_t> more = behind_service_named(ingress.id.ns, name);
    out.insert(out.end(), more.begin(), more.end());
  };
  add(ingress.spec()["defaultBackend"]);
  NodeRef rules = ingress.spec()["rules"];
  for (std::uint32_t r = 0; r < rules.size(); ++r) {
    NodeRef paths = rules.at(r)["http"]["paths"];
    for (std::uint32_t i = 0; i < paths.size(); ++i)
      add(paths.at(i)["backend"]);
  }
  return out;
}

// An HPA's or a KEDA ScaledObject's scaleTargetRef (KEDA's kind defaults to
// Deployment).
std::vector<std::size_t> Attribution::scale_target(const Object& scaler) const {
  std::vector<std::size_t> out;
  NodeRef target = scaler.spec()["scaleTargetRef"];
  std::string_view kind =
      target["kind"].valid() ? target["kind"].str() : "Deployment";
  for (std::size_t w : workloads_) {
    const Object& t = model_.objects[w];
    if (t.id.ns == scaler.id.ns && t.id.kind == kind &&
        t.id.name == target["name"].str())
      out.push_back(w);
  }
  return out;
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
  } else if (o->is("autoscaling", "HorizontalPodAutoscaler") ||
             o->is("keda.sh", "ScaledObject")) {
    out = scale_target(*o);
  } else if (o->is("networking.k8s.io", "Ingress")) {
    out = behind_ingress(*o);
  } else if (o->group == "gateway.networking.k8s.io" &&
             kind.ends_with("Route")) {
    out = behind_route(*o);
  } else if (is_inference_pool(*o)) {
    out = in_pool(*o);
  } else if (o->is("", "Secret") || o->is("", "ConfigMap") ||
             o->is("", "PersistentVolumeClaim")) {
    out = using_object(*o);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace launchlint
