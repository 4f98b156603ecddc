#include "linter/model/selector_match.h"

#include <algorithm>

namespace launchlint {

namespace {

bool find_in(NodeRef map, std::string_view key, std::string_view* value) {
  for (std::uint32_t i = 0; i < map.size(); ++i) {
    if (map.key_at(i).str() == key && map.at(i).is_scalar()) {
      *value = map.at(i).str();
      return true;
    }
  }
  return false;
}

bool has_value(NodeRef values, std::string_view value) {
  for (std::uint32_t i = 0; i < values.size(); ++i) {
    if (values.at(i).str() == value) return true;
  }
  return false;
}

}  // namespace

bool Labels::get(std::string_view key, std::string_view* value) const {
  for (std::size_t i = 0; i < added_count_; ++i) {
    if (added_[i].first == key) {
      *value = added_[i].second;
      return true;
    }
  }
  return find_in(own_, key, value) || find_in(inherited_, key, value);
}

Labels pod_labels(const Object& object, const PodTemplate& pod) {
  Labels out(pod.metadata["labels"]);
  if (object.group == "leaderworkerset.x-k8s.io" &&
      object.id.kind == "LeaderWorkerSet") {
    out.added_[out.added_count_++] = {"leaderworkerset.sigs.k8s.io/name",
                                      object.id.name};
  } else if (object.group == "serving.kserve.io" &&
             object.id.kind == "InferenceService") {
    // KServe copies the InferenceService's labels to its pods.
    out.inherited_ = object.labels();
    out.added_[out.added_count_++] = {"serving.kserve.io/inferenceservice",
                                      object.id.name};
    if (!pod.role.empty()) out.added_[out.added_count_++] = {"component", pod.role};
  }
  return out;
}

bool label_selector_matches(NodeRef selector, const Labels& labels) {
  if (!selector.is_map()) return false;
  std::string_view value;
  NodeRef match = selector["matchLabels"];
  for (std::uint32_t i = 0; i < match.size(); ++i) {
    if (!labels.get(match.key_at(i).str(), &value) ||
        value != match.at(i).str())
      return false;
  }
  NodeRef expressions = selector["matchExpressions"];
  for (std::uint32_t i = 0; i < expressions.size(); ++i) {
    NodeRef e = expressions.at(i);
    bool present = labels.get(e["key"].str(), &value);
    std::string_view op = e["operator"].str();
    if (op == "In") {
      if (!present || !has_value(e["values"], value)) return false;
    } else if (op == "NotIn") {
      if (present && has_value(e["values"], value)) return false;
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

bool map_selector_matches(NodeRef selector, const Labels& labels) {
  if (!selector.is_map() || selector.size() == 0) return false;
  std::string_view value;
  for (std::uint32_t i = 0; i < selector.size(); ++i) {
    if (!labels.get(selector.key_at(i).str(), &value) ||
        value != selector.at(i).str())
      return false;
  }
  return true;
}

const std::vector<const Object*>& objects_of(const Model& model,
                                             std::string_view ns,
                                             std::string_view group,
                                             std::string_view kind) {
  return model.objects_of(ns, group, kind);
}

bool selects_pods_of(NodeRef selector, const Object& object) {
  return std::any_of(object.pods.begin(), object.pods.end(),
                     [&](const PodTemplate& pod) {
                       return label_selector_matches(selector,
                                                     pod_labels(object, pod));
                     });
}

std::vector<const Object*> services_selecting(const Model& model,
                                              const Object& object) {
  std::vector<const Object*> out;
  for (const Object* svc : model.objects_of(object.id.ns, "", "Service")) {
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
  for (const Object* o : model.objects_of(object.id.ns, "autoscaling",
                                          "HorizontalPodAutoscaler")) {
    NodeRef ref = o->spec()["scaleTargetRef"];
    if (ref["kind"].str() == object.id.kind &&
        ref["name"].str() == object.id.name)
      return o;
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
