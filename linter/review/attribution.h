#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "linter/model/model.h"
#include "linter/rules/rule.h"

namespace launchlint {

// Which workloads each finding counts for in the readiness matrix: the
// workload itself; for a Namespace, quota or limit range, every workload of
// that namespace; for a ServiceAccount, binding or role, the workloads that
// run as the accounts involved; for a Service, PDB, NetworkPolicy or
// PodMonitor, the workloads its selector matches; for a ServiceMonitor, the
// workloads behind the Services it selects; for an Ingress or a Gateway API
// route, the workloads behind its backend Services (and InferencePools); for
// an InferencePool, the workloads its selector matches; for an HPA or a KEDA
// ScaledObject, its scale target; for a Secret, ConfigMap or
// PersistentVolumeClaim, the workloads that use it.
class Attribution {
 public:
  explicit Attribution(const Model& model);

  // Indexes into model.objects of the workloads `finding` affects.
  std::vector<std::size_t> workloads_of(const Finding& finding) const;

  // Every workload (an object that runs pods), as indexes into model.objects.
  const std::vector<std::size_t>& workloads() const { return workloads_; }

 private:
  const Object* find(const ObjectId& id) const;
  std::vector<std::size_t> running_as(std::string_view ns,
                                      std::string_view account) const;
  // Workloads of `ns` with a pod whose labels satisfy `matches`.
  template <typename Match>
  std::vector<std::size_t> pods_matching(std::string_view ns,
                                         Match matches) const;
  std::vector<std::size_t> behind_service(const Object& service) const;
  std::vector<std::size_t> behind_service_named(std::string_view ns,
                                                std::string_view name) const;
  std::vector<std::size_t> in_pool(const Object& pool) const;
  std::vector<std::size_t> behind_route(const Object& route) const;
  std::vector<std::size_t> behind_ingress(const Object& ingress) const;
  std::vector<std::size_t> scale_target(const Object& scaler) const;
  std::vector<std::size_t> monitored_by(const Object& monitor) const;
  std::vector<std::size_t> bound_to_role(const Object& role) const;
  std::vector<std::size_t> subjects_of(const Object& binding) const;
  std::vector<std::size_t> using_object(const Object& object) const;

  const Model& model_;
  std::vector<std::size_t> workloads_;
  std::unordered_map<std::string, std::size_t> by_id_;
};

}  // namespace launchlint
