#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "linter/analysis/label_selector.h"
#include "linter/analysis/rbac.h"
#include "linter/analysis/selector_index.h"
#include "linter/model/model.h"

namespace launchlint {

class NetworkPolicyIndex;
class PodSelections;

// One pod template of one workload: the pods it makes share labels, service
// account and containers.
struct PodRef {
  const Object* object = nullptr;
  const PodTemplate* pod = nullptr;
  LabelSet labels;              // the template's, and those its controller adds
  std::string service_account;  // "default" when the spec names none
  NodeRef service_account_node;  // the serviceAccountName node, if written
  std::uint32_t account = 0;     // index of its account's grants
  std::string_view ns() const { return object->id.ns; }
};

// Everything the set holds in one namespace.
struct NamespaceInfo {
  std::string name;
  const Object* object = nullptr;  // the Namespace, when the set defines it
  LabelSet labels;  // with the implicit kubernetes.io/metadata.name

  std::vector<const Object*> service_accounts, roles, role_bindings,
      network_policies, resource_quotas, limit_ranges, services, ingresses,
      http_routes, pdbs, secrets, config_maps, secret_providers, pvcs,
      workloads;
  // The ResourceQuotas among resource_quotas that cap an accelerator.
  std::vector<const Object*> accelerator_quotas;
  // HorizontalPodAutoscalers and KEDA ScaledObjects (which make one).
  std::vector<const Object*> hpas;
  std::vector<const Object*> inference_pools;
  // ServiceMonitors; PodMonitors and Google's PodMonitorings.
  std::vector<const Object*> service_monitors, pod_monitors;
  std::vector<std::uint32_t> pods;       // indices into NamespaceModel::pods()
  SelectorIndex pod_index;               // members: indices into pods()
  std::vector<LabelSet> service_labels;  // parallel to services
  SelectorIndex service_index;           // members: indices into services

  // Custom resources without a modelled pod template (operators' Prometheus,
  // Kafka, ...): they may run pods whose labels the set does not show.
  bool opaque_pods = false;
  // Some pod's service account may create Secrets here (a chart's
  // certificate or password Job): Secrets may appear at run time.
  bool pods_create_secrets = false;

  bool declared() const { return object != nullptr; }
  // The input manages the namespace's identities: it defines the namespace
  // or service accounts in it. Otherwise they live outside the input.
  bool manages_identities() const {
    return declared() || !service_accounts.empty();
  }
};

// The namespace model: built once from the object model, read by the
// analyses, the rules and the query commands. It points into the model's
// objects, so the model must outlive it.
class NamespaceModel {
 public:
  explicit NamespaceModel(const Model& model);
  ~NamespaceModel();
  NamespaceModel(const NamespaceModel&) = delete;
  NamespaceModel& operator=(const NamespaceModel&) = delete;

  const NamespaceInfo* find(std::string_view ns) const;
  const std::map<std::string, NamespaceInfo, std::less<>>& namespaces() const {
    return namespaces_;
  }
  const std::vector<PodRef>& pods() const { return pods_; }
  // The pod templates of one object of the model.
  std::span<const std::uint32_t> pods_of(const Object& object) const;

  // Pods of `ns` whose labels match (through the namespace's index).
  std::vector<std::uint32_t> select_pods(std::string_view ns,
                                         const LabelSelector& selector) const;
  // Namespaces (defined, or holding objects of the set) whose labels match.
  std::vector<const NamespaceInfo*> select_namespaces(
      const LabelSelector& selector) const;
  // The labels a namespace has: its Namespace's, or only the implicit
  // kubernetes.io/metadata.name when the set does not define it.
  LabelSet namespace_labels(std::string_view ns) const;

  // An object by namespace, kind (any case) and name; ns "" for
  // cluster-scoped kinds.
  const Object* find_object(std::string_view ns, std::string_view kind,
                            std::string_view name) const;

  // Google's ClusterPodMonitorings: they watch every namespace.
  const std::vector<const Object*>& cluster_pod_monitors() const {
    return cluster_pod_monitors_;
  }

  const Rbac& rbac() const { return rbac_; }
  // Every RBAC rule granted to the service account pod `pod` runs as
  // (Rbac::all_rules_for), worked out once per account.
  std::span<const Grant> grants_of(std::uint32_t pod) const {
    return account_grants_[pods_[pod].account];
  }
  const NetworkPolicyIndex& network_policies() const { return *netpol_; }
  // What Services, PodDisruptionBudgets, monitors and autoscalers select.
  const PodSelections& selections() const { return *selections_; }
  // The fewest replicas a workload runs: its autoscaler's minimum when one
  // scales it, else spec.replicas (default 1).
  long long least_replicas(const Object& workload) const;

 private:
  NamespaceInfo& at(std::string_view ns);

  // The model's objects (stable while the model lives, even if it moves).
  const Object* first_object_ = nullptr;
  std::size_t object_count_ = 0;
  std::map<std::string, NamespaceInfo, std::less<>> namespaces_;
  std::vector<PodRef> pods_;
  // object index -> [first, end) in object_pods_
  std::vector<std::uint32_t> pod_begin_;
  std::vector<std::uint32_t> object_pods_;
  std::vector<const NamespaceInfo*> namespace_list_;
  SelectorIndex namespace_index_;  // members: indices into namespace_list_
  std::unordered_map<std::string, const Object*> by_name_;
  Rbac rbac_;
  std::vector<const Object*> cluster_pod_monitors_;
  std::vector<std::vector<Grant>> account_grants_;  // by PodRef::account
  std::unique_ptr<NetworkPolicyIndex> netpol_;
  std::unique_ptr<PodSelections> selections_;
};

// The labels the pods of a template carry: the template's own plus those
// their controller adds (LeaderWorkerSet name; KServe's InferenceService
// name, component and the InferenceService's own labels).
LabelSet pod_labels(const Object& object, const PodTemplate& pod);

// Lowercase ASCII, for kind and resource matching.
std::string lowercase(std::string_view text);

}  // namespace launchlint
