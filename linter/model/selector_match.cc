#include "linter/model/selector_match.h"

#include <algorithm>

namespace launchlint {

LabelSet labels_of(NodeRef map) {
  LabelSet out;
  for (std::uint32_t i = 0; i < map.size(); ++i) {
    NodeRef v = map.at(i);
    if (!v.is_scalar()) continue;
    out.emplace(std::string(map.key_at(i).str()), std::string(v.str()));
  }
  return out;
}

LabelSet pod_labels(const Object& object, const PodTemplate& pod) {
  LabelSet out = labels_of(pod.metadata["labels"]);
  if (object.group == "leaderworkerset.x-k8s.io" &&
      object.id.kind == "LeaderWorkerSet") {
    out.emplace("leaderworkerset.sigs.k8s.io/name", object.id.name);
  } else if (object.group == "serving.kserve.io" &&
             object.id.kind == "InferenceService") {
    // KServe copies the InferenceService's labels to its pods.
    for (auto& [k, v] : labels_of(object.labels())) out.emplace(k, v);
    out.emplace("serving.kserve.io/inferenceservice", object.id.name);
    if (!pod.role.empty()) out.emplace("component", pod.role);
  }
  return out;
}

namespace {

bool has_value(NodeRef values, std::string_view value) {
  for (std::uint32_t i = 0; i < values.size(); ++i) {
    if (values.at(i).str() == value) return true;
  }
  return false;
}

}  // namespace

bool label_selector_matches(NodeRef selector, const LabelSet& labels) {
  if (!selector.is_map()) return false;
  NodeRef match = selector["matchLabels"];
  for (std::uint32_t i = 0; i < match.size(); ++i) {
    auto it = labels.find(match.key_at(i).str());
    if (it == labels.end() || it->second != match.at(i).str()) return false;
  }
  NodeRef expressions = selector["matchExpressions"];
  for (std::uint32_t i = 0; i < expressions.size(); ++i) {
    NodeRef e = expressions.at(i);
    auto it = labels.find(e["key"].str());
    std::string_view op = e["operator"].str();
    bool present = it != labels.end();
    if (op == "In") {
      if (!present || !has_value(e["values"], it->second)) return false;
    } else if (op == "NotIn") {
      if (present && has_value(e["values"], it->second)) return false;
    } else if (op == "Exists") {
      if (!present) return false;
    } else if (op == "DoesNotExist") {
      if (present) return false;
    } else {
      return false;
    }
  }
  return true;
}

bool map_selector_matches(NodeRef selector, const LabelSet& labels) {
  if (!selector.is_map() || selector.size() == 0) return false;
  for (std::uint32_t i = 0; i < selector.size(); ++i) {
    auto it = labels.find(selector.key_at(i).str());
    if (it == labels.end() || it->second != selector.at(i).str()) return false;
  }
  return true;
}

std::vector<const Object*> objects_of(const Model& model, std::string_view ns,
                                      std::string_view group,
                                      std::string_view kind) {
  std::vector<const Object*> out;
  for (const Object& o : model.objects) {
    if (o.id.ns == ns && o.is(group, kind)) out.push_back(&o);
  }
  return out;
}

bool selects_pods_of(NodeRef selector, const Object& object) {
  return std::any_of(
      object.pods.begin(), object.pods.end(), [&](const PodTemplate& pod) {
        return label_selector_matches(selector, pod_labels(object, pod));
      });
}

std::vector<const Object*> services_selecting(const Model& model,
                                              const Object& object) {
  std::vector<const Object*> out;
  for (const Object* svc : objects_of(model, object.id.ns, "", "Service")) {
    NodeRef selector = svc->spec()["selector"];
    for (const PodTemplate& pod : object.pods) {
      if (map_selector_matches(selector, pod_labels(object, pod))) {
        out.push_back(svc);
        break;
      }
    }
  }
  return out;
}

bool monitor_watches_namespace(const Object& monitor, std::string_view ns) {
  NodeRef selector = monitor.spec()["namespaceSelector"];
  if (selector["any"].is_true()) return true;
  NodeRef names = selector["matchNames"];
  if (names.size() > 0) {
    for (std::uint32_t i = 0; i < names.size(); ++i) {
      if (names.at(i).str() == ns) return true;
    }
    return false;
  }
  return monitor.id.ns == ns;
}

const Object* autoscaler_of(const Model& model, const Object& object) {
  for (const Object& o : model.objects) {
    if (o.id.ns != object.id.ns || o.group != "autoscaling" ||
        o.id.kind != "HorizontalPodAutoscaler")
      continue;
    NodeRef ref = o.spec()["scaleTargetRef"];
    if (ref["kind"].str() == object.id.kind &&
        ref["name"].str() == object.id.name)
      return &o;
  }
  return nullptr;
}

long long least_replicas(const Model& model, const Object& object) {
  if (const Object* hpa = autoscaler_of(model, object)) {
    long long n = 1;
    hpa->spec()["minReplicas"].as_int(&n);
    return n;
  }
  return object.replicas();
}

}  // namespace launchlint
