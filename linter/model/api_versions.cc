#include "linter/model/api_versions.h"

#include <re2/re2.h>

#include <array>
#include <string>

namespace launchlint {

namespace {

// From the Kubernetes deprecated API migration guide. Checked against the
// release-1.36 OpenAPI document: no entry is still served there (group
// versions that gained new kinds, such as coordination.k8s.io/v1beta1
// LeaseCandidate, list their removed kinds one by one).
constexpr std::array<ApiRemoval, 46> kRemovals = {{
    {"v1", "Endpoints", 33, 0, "discovery.k8s.io/v1 EndpointSlice"},
    {"flowcontrol.apiserver.k8s.io/v1beta3", "", 29, 32,
     "flowcontrol.apiserver.k8s.io/v1"},
    {"flowcontrol.apiserver.k8s.io/v1beta2", "", 26, 29,
     "flowcontrol.apiserver.k8s.io/v1"},
    {"storage.k8s.io/v1beta1", "CSIStorageCapacity", 24, 27,
     "storage.k8s.io/v1"},
    {"flowcontrol.apiserver.k8s.io/v1beta1", "", 23, 26,
     "flowcontrol.apiserver.k8s.io/v1"},
    {"autoscaling/v2beta2", "HorizontalPodAutoscaler", 23, 26,
     "autoscaling/v2"},
    {"autoscaling/v2beta1", "HorizontalPodAutoscaler", 22, 25,
     "autoscaling/v2"},
    {"batch/v1beta1", "CronJob", 21, 25, "batch/v1"},
    {"discovery.k8s.io/v1beta1", "EndpointSlice", 21, 25,
     "discovery.k8s.io/v1"},
    {"events.k8s.io/v1beta1", "Event", 19, 25, "events.k8s.io/v1"},
    {"policy/v1beta1", "PodDisruptionBudget", 21, 25, "policy/v1"},
    {"policy/v1beta1", "PodSecurityPolicy", 21, 25,
     "Pod Security admission (namespace labels)"},
    {"node.k8s.io/v1beta1", "RuntimeClass", 20, 25, "node.k8s.io/v1"},
    {"admissionregistration.k8s.io/v1beta1", "MutatingWebhookConfiguration",
     16, 22, "admissionregistration.k8s.io/v1"},
    {"admissionregistration.k8s.io/v1beta1", "ValidatingWebhookConfiguration",
     16, 22, "admissionregistration.k8s.io/v1"},
    {"apiextensions.k8s.io/v1beta1", "", 16, 22, "apiextensions.k8s.io/v1"},
    {"apiregistration.k8s.io/v1beta1", "", 19, 22, "apiregistration.k8s.io/v1"},
    {"authentication.k8s.io/v1beta1", "", 19, 22, "authentication.k8s.io/v1"},
    {"authorization.k8s.io/v1beta1", "", 19, 22, "authorization.k8s.io/v1"},
    {"certificates.k8s.io/v1beta1", "CertificateSigningRequest", 19, 22,
     "certificates.k8s.io/v1"},
    {"coordination.k8s.io/v1beta1", "Lease", 19, 22, "coordination.k8s.io/v1"},
    {"extensions/v1beta1", "Ingress", 14, 22, "networking.k8s.io/v1"},
    {"networking.k8s.io/v1beta1", "Ingress", 19, 22, "networking.k8s.io/v1"},
    {"networking.k8s.io/v1beta1", "IngressClass", 19, 22,
     "networking.k8s.io/v1"},
    {"rbac.authorization.k8s.io/v1beta1", "", 17, 22,
     "rbac.authorization.k8s.io/v1"},
    {"rbac.authorization.k8s.io/v1alpha1", "", 17, 22,
     "rbac.authorization.k8s.io/v1"},
    {"scheduling.k8s.io/v1beta1", "", 14, 22, "scheduling.k8s.io/v1"},
    {"scheduling.k8s.io/v1alpha1", "", 14, 22, "scheduling.k8s.io/v1"},
    {"storage.k8s.io/v1beta1", "CSIDriver", 19, 22, "storage.k8s.io/v1"},
    {"storage.k8s.io/v1beta1", "CSINode", 17, 22, "storage.k8s.io/v1"},
    {"storage.k8s.io/v1beta1", "StorageClass", 19, 22, "storage.k8s.io/v1"},
    {"storage.k8s.io/v1beta1", "VolumeAttachment", 19, 22, "storage.k8s.io/v1"},
    {"extensions/v1beta1", "Deployment", 9, 16, "apps/v1"},
    {"extensions/v1beta1", "DaemonSet", 9, 16, "apps/v1"},
    {"extensions/v1beta1", "ReplicaSet", 9, 16, "apps/v1"},
    {"extensions/v1beta1", "NetworkPolicy", 9, 16, "networking.k8s.io/v1"},
    {"extensions/v1beta1", "PodSecurityPolicy", 10, 16, "policy/v1beta1"},
    {"apps/v1beta1", "", 9, 16, "apps/v1"},
    {"apps/v1beta2", "", 9, 16, "apps/v1"},
    {"batch/v2alpha1", "", 8, 21, "batch/v1"},
    {"settings.k8s.io/v1alpha1", "", 19, 20, "none: PodPreset was dropped"},
    {"networking.k8s.io/v1alpha1", "ClusterCIDR", 28, 29, "none"},
    {"autoscaling/v2beta1", "", 22, 25, "autoscaling/v2"},
    {"autoscaling/v2beta2", "", 23, 26, "autoscaling/v2"},
    {"policy/v1beta1", "", 21, 25, "policy/v1"},
}};

}  // namespace

const ApiRemoval* find_api_removal(std::string_view api_version,
                                   std::string_view kind) {
  for (const ApiRemoval& r : kRemovals) {
    if (r.api_version == api_version && (r.kind.empty() || r.kind == kind))
      return &r;
  }
  return nullptr;
}

bool parse_kube_version(std::string_view text, int* minor) {
  static const RE2 re(R"(v?1\.(\d{1,3})(?:\.\d+)?)");
  return RE2::FullMatch(text, re, minor);
}

}  // namespace launchlint
