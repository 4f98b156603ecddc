#include "linter/analysis/quota.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "linter/model/accelerators.h"
#include "linter/model/quantity.h"

namespace launchlint {

namespace {

double container_value(const Container& c, std::string_view resource,
                       bool limits) {
  NodeRef res = c.resources();
  double v = 0;
  if (limits) return parse_quantity(res["limits"][resource], &v) ? v : 0;
  if (parse_quantity(res["requests"][resource], &v)) return v;
  return parse_quantity(res["limits"][resource], &v) ? v : 0;
}

bool has_leader(const Object& o) {
  for (const PodTemplate& t : o.pods) {
    if (t.role == "leader") return true;
  }
  return false;
}

// A maxSurge-like value: an integer, or a percentage of `replicas` rounded
// up (as the Deployment controller rounds surge).
long long surge_value(NodeRef node, long long replicas, long long fallback) {
  if (!node.valid() || node.is_null()) return fallback;
  long long n = 0;
  if (!node.quoted() && node.as_int(&n)) return n;
  std::string_view text = node.str();
  if (text.ends_with('%')) {
    double pct = 0;
    if (parse_quantity(text.substr(0, text.size() - 1), &pct))
      return static_cast<long long>(std::ceil(replicas * pct / 100.0));
  }
  return fallback;
}

}  // namespace

long long template_pod_count(const Object& o, const PodTemplate& pod) {
  long long replicas = o.replicas();
  if (o.group == "leaderworkerset.x-k8s.io") {
    long long size = 1;
    if (!o.spec()["leaderWorkerTemplate"]["size"].as_int(&size)) size = 1;
    if (pod.role == "leader") return replicas;
    return replicas * (has_leader(o) ? std::max(0LL, size - 1) : size);
  }
  if (o.group.empty() && o.id.kind == "Pod") return 1;
  return replicas;
}

long long rollout_peak_pods(const Object& o, const PodTemplate& pod,
                            long long* surge, NodeRef* surge_node) {
  long long count = template_pod_count(o, pod);
  long long replicas = o.replicas();
  *surge = 0;
  *surge_node = {};
  NodeRef spec = o.spec();
  if (o.is("apps", "Deployment")) {
    if (spec["strategy"]["type"].str() == "Recreate") return count;
    NodeRef node = spec["strategy"]["rollingUpdate"]["maxSurge"];
    *surge_node = node;
    *surge = surge_value(node, replicas, (replicas * 25 + 99) / 100);
  } else if (o.is("argoproj.io", "Rollout")) {
    NodeRef node = spec["strategy"]["canary"]["maxSurge"];
    if (!spec["strategy"]["canary"].is_map()) return count;
    *surge_node = node;
    *surge = surge_value(node, replicas, (replicas * 25 + 99) / 100);
  } else if (o.group == "leaderworkerset.x-k8s.io") {
    NodeRef node =
        spec["rolloutStrategy"]["rollingUpdateConfiguration"]["maxSurge"];
    *surge_node = node;
    *surge = surge_value(node, replicas, 0);
    // Each surged group brings a whole leader/worker group.
    if (replicas > 0) return count + *surge * (count / replicas);
    return count;
  } else {
    return count;
  }
  return count + *surge;
}

double pod_request(const PodTemplate& pod, std::string_view resource,
                   bool limits) {
  double running = 0, init = 0;
  for (const Container& c : pod.containers) {
    double v = container_value(c, resource, limits);
    if (c.long_running()) {
      running += v;
    } else {
      init = std::max(init, v);
    }
  }
  return std::max(running, init);
}

std::vector<std::string> pod_accelerator_names(const PodTemplate& pod) {
  std::set<std::string> names;
  for (const Container& c : pod.containers) {
    for (std::string_view part : {"requests", "limits"}) {
      NodeRef list = c.resources()[part];
      for (std::uint32_t i = 0; i < list.size(); ++i) {
        std::string_view name = list.key_at(i).str();
        if (accelerators_of(pod).is_resource(name)) names.emplace(name);
      }
    }
  }
  return {names.begin(), names.end()};
}

bool quota_covers(const Object& quota, const PodTemplate& pod) {
  bool best_effort = true;
  for (const Container& c : pod.containers) {
    NodeRef r = c.resources();
    if (r["requests"].size() > 0 || r["limits"].size() > 0) best_effort = false;
  }
  bool terminating = pod.spec["activeDeadlineSeconds"].is_scalar();
  std::string_view priority = pod.spec["priorityClassName"].str();
  NodeRef scopes = quota.spec()["scopes"];
  for (std::uint32_t i = 0; i < scopes.size(); ++i) {
    std::string_view s = scopes.at(i).str();
    if ((s == "BestEffort" && !best_effort) ||
        (s == "NotBestEffort" && best_effort) ||
        (s == "Terminating" && !terminating) ||
        (s == "NotTerminating" && terminating))
      return false;
  }
  NodeRef exprs = quota.spec()["scopeSelector"]["matchExpressions"];
  for (std::uint32_t i = 0; i < exprs.size(); ++i) {
    NodeRef e = exprs.at(i);
    std::string_view scope = e["scopeName"].str();
    std::string_view op = e["operator"].str();
    bool listed = false;
    NodeRef values = e["values"];
    for (std::uint32_t j = 0; j < values.size(); ++j)
      listed = listed || values.at(j).str() == priority;
    if (scope == "PriorityClass") {
      if ((op == "In" && !listed) || (op == "NotIn" && listed) ||
          (op == "Exists" && priority.empty()) ||
          (op == "DoesNotExist" && !priority.empty()))
        return false;
    } else if ((scope == "BestEffort" && !best_effort) ||
               (scope == "NotBestEffort" && best_effort) ||
               (scope == "Terminating" && !terminating) ||
               (scope == "NotTerminating" && terminating)) {
      if (op == "Exists") return false;
    }
  }
  return true;
}

bool quota_cap(const Object& quota, std::string_view resource, double* hard,
               NodeRef* node) {
  NodeRef caps = quota.spec()["hard"];
  std::string requests = "requests." + std::string(resource);
  std::string limits = "limits." + std::string(resource);
  for (std::string_view key :
       {std::string_view(requests), std::string_view(limits), resource}) {
    NodeRef v = caps[key];
    if (v.is_scalar() && parse_quantity(v, hard)) {
      *node = v;
      return true;
    }
  }
  return false;
}

bool namespace_usage(const NamespaceModel& model, const NamespaceInfo& ns,
                     const Object& quota, std::string_view key, double* used) {
  *used = 0;
  bool pods = key == "pods" || key == "count/pods";
  bool limits = key.starts_with("limits.");
  std::string_view resource = key;
  if (key.starts_with("requests.")) resource.remove_prefix(9);
  if (limits) resource.remove_prefix(7);
  if (!pods &&
      (key.starts_with("count/") ||
       resource.find("storage") != std::string_view::npos ||
       key == "services" || key == "secrets" || key == "configmaps" ||
       key == "persistentvolumeclaims" || key.starts_with("services.")))
    return false;
  for (std::uint32_t p : ns.pods) {
    const PodRef& ref = model.pods()[p];
    if (!quota_covers(quota, *ref.pod) || ref.object->is_batch()) continue;
    double count =
        static_cast<double>(template_pod_count(*ref.object, *ref.pod));
    *used += pods ? count : count * pod_request(*ref.pod, resource, limits);
  }
  return true;
}

}  // namespace launchlint
