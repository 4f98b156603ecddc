#include "linter/analysis/pod_selections.h"

#include <algorithm>

#include "linter/analysis/namespace_model.h"

namespace launchlint {

namespace {

const std::vector<const Object*> kNoObjects;

// The namespaces a monitor looks in, among those the set holds.
std::vector<const NamespaceInfo*> watched(const NamespaceModel& model,
                                          const Object& monitor) {
  std::vector<const NamespaceInfo*> out;
  for (const auto& [name, info] : model.namespaces()) {
    if (monitor_watches_namespace(monitor, name)) out.push_back(&info);
  }
  return out;
}

}  // namespace

bool monitor_watches_namespace(const Object& monitor, std::string_view ns) {
  if (monitor.cluster_scoped) return true;  // ClusterPodMonitoring
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

bool is_monitor(const Object& o, bool* pods) {
  bool pod_monitor = o.is("monitoring.coreos.com", "PodMonitor") ||
                     o.is("monitoring.googleapis.com", "PodMonitoring") ||
                     o.is("monitoring.googleapis.com", "ClusterPodMonitoring");
  if (pods) *pods = pod_monitor;
  return pod_monitor || o.is("monitoring.coreos.com", "ServiceMonitor");
}

bool is_inference_pool(const Object& o) {
  return o.id.kind == "InferencePool" &&
         (o.group == "inference.networking.k8s.io" ||
          o.group == "inference.networking.x-k8s.io");
}

ReplicaRange autoscaler_range(const Object& autoscaler) {
  ReplicaRange range;
  NodeRef spec = autoscaler.spec();
  if (autoscaler.is("keda.sh", "ScaledObject")) {
    // KEDA's defaults: minReplicaCount 0, maxReplicaCount 100.
    range.min = 0;
    range.max = 100;
    spec["minReplicaCount"].as_int(&range.min);
    spec["maxReplicaCount"].as_int(&range.max);
  } else {
    spec["minReplicas"].as_int(&range.min);
    range.max = range.min;
    spec["maxReplicas"].as_int(&range.max);
  }
  return range;
}

NodeRef monitor_endpoints(const Object& monitor) {
  return monitor.spec()[monitor.is("monitoring.coreos.com", "PodMonitor")
                            ? "podMetricsEndpoints"
                            : "endpoints"];
}

PodSelections::PodSelections(const NamespaceModel& model) {
  // Monitors first collected from every namespace: they may watch others.
  std::vector<const Object*> monitors;
  for (const auto& [name, info] : model.namespaces()) {
    for (const Object* s : info.services) {
      NodeRef selector = s->spec()["selector"];
      if (!selector.is_map() || selector.size() == 0 ||
          s->spec()["type"].str() == "ExternalName")
        continue;
      add(*s, info.pod_index.select(parse_map_selector(selector)));
    }
    for (const Object* pdb : info.pdbs) {
      NodeRef selector = pdb->spec()["selector"];
      if (!selector.is_map()) continue;
      add(*pdb, info.pod_index.select(parse_label_selector(selector)));
    }
    for (const Object* pool : info.inference_pools) {
      NodeRef selector = pool->spec()["selector"];
      if (!selector.is_map()) continue;
      bool label_selector = selector["matchLabels"].valid() ||
                            selector["matchExpressions"].valid();
      if (!label_selector && selector.size() == 0) continue;
      add(*pool,
          info.pod_index.select(label_selector ? parse_label_selector(selector)
                                               : parse_map_selector(selector)));
    }
    for (const Object* scaler : info.hpas) {
      NodeRef target = scaler->spec()["scaleTargetRef"];
      std::string_view kind = target["kind"].str();
      // KEDA's target kind defaults to Deployment.
      if (kind.empty() && scaler->is("keda.sh", "ScaledObject"))
        kind = "Deployment";
      std::string_view target_name = target["name"].str();
      if (kind.empty() || target_name.empty()) continue;
      // A HorizontalPodAutoscaler wins over a ScaledObject; among equals,
      // the first.
      const Object* w = model.find_object(info.name, kind, target_name);
      if (!w) continue;
      auto [it, added] = autoscalers_.emplace(w, scaler);
      if (!added && it->second->is("keda.sh", "ScaledObject") &&
          !scaler->is("keda.sh", "ScaledObject"))
        it->second = scaler;
    }
    monitors.insert(monitors.end(), info.service_monitors.begin(),
                    info.service_monitors.end());
    monitors.insert(monitors.end(), info.pod_monitors.begin(),
                    info.pod_monitors.end());
  }
  monitors.insert(monitors.end(), model.cluster_pod_monitors().begin(),
                  model.cluster_pod_monitors().end());
  for (const Object* m : monitors) {
    NodeRef spec_selector = m->spec()["selector"];
    if (!spec_selector.is_map()) continue;
    LabelSelector selector = parse_label_selector(spec_selector);
    bool selects_pods = false;
    is_monitor(*m, &selects_pods);
    std::vector<std::uint32_t> pods;
    std::vector<const Object*> services;
    for (const NamespaceInfo* ns : watched(model, *m)) {
      if (selects_pods) {
        std::vector<std::uint32_t> found = ns->pod_index.select(selector);
        pods.insert(pods.end(), found.begin(), found.end());
        continue;
      }
      for (std::uint32_t i : ns->service_index.select(selector)) {
        const Object* s = ns->services[i];
        services.push_back(s);
        std::span<const std::uint32_t> behind = pods_of(*s);
        pods.insert(pods.end(), behind.begin(), behind.end());
      }
    }
    std::sort(pods.begin(), pods.end());
    pods.erase(std::unique(pods.begin(), pods.end()), pods.end());
    if (!selects_pods) services_.emplace(m, std::move(services));
    add(*m, std::move(pods));
  }
  selected_.shrink_to_fit();

  // The other direction: count each pod's selectors, then place them.
  std::size_t pod_count = model.pods().size();
  selecting_start_.assign(pod_count + 1, 0);
  for (std::uint32_t p : selected_) ++selecting_start_[p + 1];
  for (std::size_t p = 0; p < pod_count; ++p)
    selecting_start_[p + 1] += selecting_start_[p];
  selecting_.resize(selected_.size());
  std::vector<std::uint32_t> next(selecting_start_.begin(),
                                  selecting_start_.end() - 1);
  for (const auto& [selector, range] : pods_) {
    for (std::uint32_t i = range.first; i < range.first + range.count; ++i)
      selecting_[next[selected_[i]]++] = selector;
  }
  // Input order, whatever order the selectors were visited in.
  for (std::size_t p = 0; p < pod_count; ++p) {
    std::sort(selecting_.begin() + selecting_start_[p],
              selecting_.begin() + selecting_start_[p + 1]);
  }
}

void PodSelections::add(const Object& selector,
                        std::span<const std::uint32_t> pods) {
  auto [it, added] = pods_.emplace(
      &selector, Range{static_cast<std::uint32_t>(selected_.size()),
                       static_cast<std::uint32_t>(pods.size())});
  if (!added) return;
  selected_.insert(selected_.end(), pods.begin(), pods.end());
}

std::span<const std::uint32_t> PodSelections::pods_of(
    const Object& selector) const {
  auto it = pods_.find(&selector);
  if (it == pods_.end()) return {};
  return std::span<const std::uint32_t>(selected_).subspan(it->second.first,
                                                           it->second.count);
}

std::span<const Object* const> PodSelections::services_of(
    const Object& monitor) const {
  auto it = services_.find(&monitor);
  return it == services_.end() ? std::span<const Object* const>(kNoObjects)
                               : std::span<const Object* const>(it->second);
}

const Object* PodSelections::autoscaler_of(const Object& workload) const {
  auto it = autoscalers_.find(&workload);
  return it == autoscalers_.end() ? nullptr : it->second;
}

}  // namespace launchlint
