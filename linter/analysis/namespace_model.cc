#include "linter/analysis/namespace_model.h"

#include <map>
#include <set>

#include <fmt/format.h>

#include "linter/analysis/network_policy.h"
#include "linter/analysis/pod_selections.h"

namespace launchlint {

namespace {

std::string object_key(std::string_view ns, std::string_view kind,
                       std::string_view name) {
  return fmt::format("{}\x1f{}\x1f{}", ns, lowercase(kind), name);
}

// API groups whose kinds never make pods, beside the built-in workloads.
bool makes_no_pods(std::string_view group, std::string_view kind) {
  static constexpr std::string_view kGroups[] = {
      "",
      "admissionregistration.k8s.io",
      "apiextensions.k8s.io",
      "apps",
      "autoscaling",
      "batch",
      "bitnami.com",
      "cert-manager.io",
      "coordination.k8s.io",
      "discovery.k8s.io",
      "external-secrets.io",
      "gateway.networking.k8s.io",
      "inference.networking.k8s.io",
      "inference.networking.x-k8s.io",
      "keda.sh",
      "monitoring.googleapis.com",
      "networking.k8s.io",
      "policy",
      "rbac.authorization.k8s.io",
      "scheduling.k8s.io",
      "secrets-store.csi.x-k8s.io",
      "storage.k8s.io"};
  for (std::string_view g : kGroups) {
    if (g == group) return true;
  }
  return group == "monitoring.coreos.com" &&
         (kind == "ServiceMonitor" || kind == "PodMonitor" ||
          kind == "PrometheusRule" || kind == "Probe" ||
          kind == "AlertmanagerConfig" || kind == "ScrapeConfig");
}

void add_quota(const Object& quota, const AcceleratorVocabulary& accelerators,
               NamespaceInfo* info) {
  info->resource_quotas.push_back(&quota);
  NodeRef hard = quota.spec()["hard"];
  for (std::uint32_t i = 0; i < hard.size(); ++i) {
    std::string_view key = hard.key_at(i).str();
    for (std::string_view prefix : {"requests.", "limits."}) {
      if (key.starts_with(prefix)) key.remove_prefix(prefix.size());
    }
    if (accelerators.is_resource(key)) {
      info->accelerator_quotas.push_back(&quota);
      return;
    }
  }
}

}  // namespace

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

NamespaceInfo& NamespaceModel::at(std::string_view ns) {
  auto it = namespaces_.find(ns);
  if (it != namespaces_.end()) return it->second;
  NamespaceInfo& info = namespaces_[std::string(ns)];
  info.name = ns;
  info.labels.set_view("kubernetes.io/metadata.name", info.name);
  return info;
}

NamespaceModel::NamespaceModel(const Model& model)
    : first_object_(model.objects.data()),
      object_count_(model.objects.size()),
      rbac_(model) {
  pod_begin_.reserve(model.objects.size() + 1);
  for (const Object& o : model.objects) {
    pod_begin_.push_back(static_cast<std::uint32_t>(object_pods_.size()));
    by_name_.emplace(object_key(o.id.ns, o.id.kind, o.id.name), &o);
    std::string_view kind = o.id.kind;
    std::string_view group = o.group;
    if (o.cluster_scoped) {
      if (group == "monitoring.googleapis.com" &&
          kind == "ClusterPodMonitoring")
        cluster_pod_monitors_.push_back(&o);
      if (group.empty() && kind == "Namespace" && !o.id.name.empty()) {
        NamespaceInfo& info = at(o.id.name);
        if (!info.object) {
          info.object = &o;
          LabelSet labels = LabelSet::from_node(o.labels());
          for (const auto& [k, v] : labels.entries())
            info.labels.set_view(k, v);
          // The API server always sets this label to the name.
          info.labels.set_view("kubernetes.io/metadata.name", o.id.name);
        }
      }
      continue;
    }
    NamespaceInfo& info = at(o.id.ns);
    if (group.empty()) {
      if (kind == "ServiceAccount")
        info.service_accounts.push_back(&o);
      else if (kind == "ResourceQuota")
        add_quota(o, model.accelerators(), &info);
      else if (kind == "LimitRange")
        info.limit_ranges.push_back(&o);
      else if (kind == "Service")
        info.services.push_back(&o);
      else if (kind == "Secret")
        info.secrets.push_back(&o);
      else if (kind == "ConfigMap")
        info.config_maps.push_back(&o);
      else if (kind == "PersistentVolumeClaim")
        info.pvcs.push_back(&o);
    } else if (group == "rbac.authorization.k8s.io") {
      if (kind == "Role")
        info.roles.push_back(&o);
      else if (kind == "RoleBinding")
        info.role_bindings.push_back(&o);
    } else if (group == "networking.k8s.io") {
      if (kind == "NetworkPolicy")
        info.network_policies.push_back(&o);
      else if (kind == "Ingress")
        info.ingresses.push_back(&o);
    } else if (group == "gateway.networking.k8s.io" && kind == "HTTPRoute") {
      info.http_routes.push_back(&o);
    } else if (group == "policy" && kind == "PodDisruptionBudget") {
      info.pdbs.push_back(&o);
    } else if ((group == "autoscaling" && kind == "HorizontalPodAutoscaler") ||
               (group == "keda.sh" && kind == "ScaledObject")) {
      info.hpas.push_back(&o);
    } else if (is_inference_pool(o)) {
      info.inference_pools.push_back(&o);
    } else if (group == "monitoring.coreos.com") {
      if (kind == "ServiceMonitor")
        info.service_monitors.push_back(&o);
      else if (kind == "PodMonitor")
        info.pod_monitors.push_back(&o);
    } else if (group == "monitoring.googleapis.com" &&
               kind == "PodMonitoring") {
      info.pod_monitors.push_back(&o);
    } else if ((group == "external-secrets.io" && kind == "ExternalSecret") ||
               (group == "bitnami.com" && kind == "SealedSecret") ||
               (group == "secrets-store.csi.x-k8s.io" &&
                kind == "SecretProviderClass") ||
               (group == "cert-manager.io" && kind == "Certificate")) {
      info.secret_providers.push_back(&o);
    }
    if (!o.pods.empty()) info.workloads.push_back(&o);
    if (o.pods.empty() && !makes_no_pods(group, kind)) info.opaque_pods = true;
    for (const PodTemplate& t : o.pods) {
      PodRef ref;
      ref.object = &o;
      ref.pod = &t;
      ref.labels = pod_labels(o, t);
      NodeRef sa = t.spec["serviceAccountName"];
      if (!sa.is_scalar() || sa.str().empty()) sa = t.spec["serviceAccount"];
      if (sa.is_scalar() && !sa.str().empty()) {
        ref.service_account = std::string(sa.str());
        ref.service_account_node = sa;
      } else {
        ref.service_account = "default";
      }
      auto index = static_cast<std::uint32_t>(pods_.size());
      object_pods_.push_back(index);
      info.pods.push_back(index);
      pods_.push_back(std::move(ref));
    }
  }
  pod_begin_.push_back(static_cast<std::uint32_t>(object_pods_.size()));
  // Indices, once every vector has its final size.
  for (auto& [name, info] : namespaces_) {
    for (std::uint32_t p : info.pods) info.pod_index.add(p, &pods_[p].labels);
    info.service_labels.reserve(info.services.size());
    for (const Object* s : info.services)
      info.service_labels.push_back(LabelSet::from_node(s->labels()));
    for (std::uint32_t i = 0; i < info.services.size(); ++i)
      info.service_index.add(i, &info.service_labels[i]);
    auto index = static_cast<std::uint32_t>(namespace_list_.size());
    namespace_list_.push_back(&info);
    namespace_index_.add(index, &info.labels);
  }
  netpol_ = std::make_unique<NetworkPolicyIndex>(*this);
  selections_ = std::make_unique<PodSelections>(*this);
  for (auto& [name, info] : namespaces_) {
    Request create;
    create.verb = "create";
    create.resource = "secrets";
    create.ns = name;
    // Each account of the namespace asks the authorizer once.
    std::map<std::string_view, std::uint32_t> accounts;
    for (std::uint32_t p : info.pods) {
      std::string_view sa = pods_[p].service_account;
      auto [it, added] = accounts.emplace(
          sa, static_cast<std::uint32_t>(account_grants_.size()));
      pods_[p].account = it->second;
      if (!added) continue;
      UserInfo user = service_account_user(name, sa);
      account_grants_.push_back(rbac_.all_rules_for(user));
      if (!info.pods_create_secrets && rbac_.allowed(user, create))
        info.pods_create_secrets = true;
    }
  }
}

NamespaceModel::~NamespaceModel() = default;

LabelSet pod_labels(const Object& object, const PodTemplate& pod) {
  LabelSet labels = LabelSet::from_node(pod.metadata["labels"]);
  if (object.is("leaderworkerset.x-k8s.io", "LeaderWorkerSet")) {
    labels.set_view("leaderworkerset.sigs.k8s.io/name", object.id.name);
  } else if (object.is("serving.kserve.io", "InferenceService")) {
    // KServe copies the InferenceService's labels to its pods.
    LabelSet own = LabelSet::from_node(object.labels());
    for (const auto& [k, v] : own.entries()) {
      if (!labels.find(k)) labels.set_view(k, v);
    }
    labels.set_view("serving.kserve.io/inferenceservice", object.id.name);
    if (!pod.role.empty()) labels.set("component", pod.role);
  }
  return labels;
}

long long NamespaceModel::least_replicas(const Object& workload) const {
  if (const Object* scaler = selections_->autoscaler_of(workload))
    return autoscaler_range(*scaler).min;
  return workload.replicas();
}

const NamespaceInfo* NamespaceModel::find(std::string_view ns) const {
  auto it = namespaces_.find(ns);
  return it == namespaces_.end() ? nullptr : &it->second;
}

std::span<const std::uint32_t> NamespaceModel::pods_of(
    const Object& object) const {
  const Object* first = first_object_;
  if (object_count_ == 0 || &object < first || &object >= first + object_count_)
    return {};
  auto i = static_cast<std::size_t>(&object - first);
  return std::span<const std::uint32_t>(object_pods_.data() + pod_begin_[i],
                                        pod_begin_[i + 1] - pod_begin_[i]);
}

std::vector<std::uint32_t> NamespaceModel::select_pods(
    std::string_view ns, const LabelSelector& selector) const {
  const NamespaceInfo* info = find(ns);
  if (!info) return {};
  return info->pod_index.select(selector);
}

std::vector<const NamespaceInfo*> NamespaceModel::select_namespaces(
    const LabelSelector& selector) const {
  std::vector<const NamespaceInfo*> out;
  for (std::uint32_t i : namespace_index_.select(selector))
    out.push_back(namespace_list_[i]);
  return out;
}

LabelSet NamespaceModel::namespace_labels(std::string_view ns) const {
  if (const NamespaceInfo* info = find(ns)) return info->labels;
  LabelSet labels;
  labels.set("kubernetes.io/metadata.name", ns);
  return labels;
}

const Object* NamespaceModel::find_object(std::string_view ns,
                                          std::string_view kind,
                                          std::string_view name) const {
  auto it = by_name_.find(object_key(ns, kind, name));
  return it == by_name_.end() ? nullptr : it->second;
}

}  // namespace launchlint
