#pragma once

#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "linter/analysis/namespace_model.h"
#include "linter/model/model.h"
#include "linter/rules/rule.h"

namespace launchlint {

// Which workloads each finding counts for in the readiness matrix: the
// workload itself; for a Namespace, quota or limit range, every workload of
// that namespace; for a ServiceAccount, binding or role, the workloads that
// run as the accounts involved; for a Service, PDB, NetworkPolicy,
// InferencePool or PodMonitor, the workloads its selector matches; for a
// ServiceMonitor, the workloads behind the Services it selects; for an
// Ingress or a Gateway API route, the workloads behind its backend Services
// (and InferencePools); for an HPA or a KEDA ScaledObject, its scale target;
// for a Secret, ConfigMap or PersistentVolumeClaim, the workloads that use
// it. Selections are answered by the namespace model's indexes.
class Attribution {
 public:
  // `namespaces` is the namespace model of `model`.
  Attribution(const Model& model, const NamespaceModel& namespaces);

  // Indexes into model.objects of the workloads `finding` affects.
  std::vector<std::size_t> workloads_of(const Finding& finding) const;

  // Every workload (an object that runs pods), as indexes into model.objects.
  const std::vector<std::size_t>& workloads() const { return workloads_; }

 private:
  const Object* find(const ObjectId& id) const;
  // The workload row of an object: its first copy (values sets load one
  // copy of each object per set).
  std::size_t row(const Object* object) const;
  void add_pods(std::span<const std::uint32_t> pods,
                std::vector<std::size_t>* out) const;
  // The pods behind a backend: a Service or an InferencePool of `ns`.
  void add_backend(std::string_view ns, std::string_view kind,
                   std::string_view name, std::vector<std::size_t>* out) const;
  void running_as(std::string_view ns, std::string_view account,
                  std::vector<std::size_t>* out) const;
  void subjects_of(const Object& binding, std::vector<std::size_t>* out) const;
  void bound_to_role(const Object& role, std::vector<std::size_t>* out) const;
  void behind_route(const Object& route, std::vector<std::size_t>* out) const;
  void behind_ingress(const Object& ingress,
                      std::vector<std::size_t>* out) const;
  void using_object(const Object& object, std::vector<std::size_t>* out) const;

  const Model& model_;
  const NamespaceModel& namespaces_;
  std::vector<std::size_t> workloads_;
  std::vector<std::size_t> first_copy_;  // per object
  std::unordered_map<std::string, std::size_t> by_id_;
  // "ns\nKind\nname" of each Secret, ConfigMap and PersistentVolumeClaim a
  // pod uses -> the workload rows using it.
  std::unordered_map<std::string, std::vector<std::size_t>> users_;
};

}  // namespace launchlint
