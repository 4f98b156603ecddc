#include "linter/model/kinds.h"

#include <algorithm>
#include <array>
#include <utility>

namespace launchlint {

namespace {

using GroupKind = std::pair<std::string_view, std::string_view>;

// Sorted by group, then kind.
constexpr std::array kClusterScoped = {
    GroupKind{"", "ComponentStatus"},
    GroupKind{"", "Namespace"},
    GroupKind{"", "Node"},
    GroupKind{"", "PersistentVolume"},
    GroupKind{"admissionregistration.k8s.io", "MutatingAdmissionPolicy"},
    GroupKind{"admissionregistration.k8s.io", "MutatingAdmissionPolicyBinding"},
    GroupKind{"admissionregistration.k8s.io", "MutatingWebhookConfiguration"},
    GroupKind{"admissionregistration.k8s.io", "ValidatingAdmissionPolicy"},
    GroupKind{"admissionregistration.k8s.io",
              "ValidatingAdmissionPolicyBinding"},
    GroupKind{"admissionregistration.k8s.io", "ValidatingWebhookConfiguration"},
    GroupKind{"apiextensions.k8s.io", "CustomResourceDefinition"},
    GroupKind{"apiregistration.k8s.io", "APIService"},
    GroupKind{"cert-manager.io", "ClusterIssuer"},
    GroupKind{"certificates.k8s.io", "CertificateSigningRequest"},
    GroupKind{"certificates.k8s.io", "ClusterTrustBundle"},
    GroupKind{"external-secrets.io", "ClusterExternalSecret"},
    GroupKind{"external-secrets.io", "ClusterSecretStore"},
    GroupKind{"flowcontrol.apiserver.k8s.io", "FlowSchema"},
    GroupKind{"flowcontrol.apiserver.k8s.io", "PriorityLevelConfiguration"},
    GroupKind{"gateway.networking.k8s.io", "GatewayClass"},
    GroupKind{"monitoring.googleapis.com", "ClusterNodeMonitoring"},
    GroupKind{"monitoring.googleapis.com", "ClusterPodMonitoring"},
    GroupKind{"monitoring.googleapis.com", "ClusterRules"},
    GroupKind{"monitoring.googleapis.com", "GlobalRules"},
    GroupKind{"networking.k8s.io", "IPAddress"},
    GroupKind{"networking.k8s.io", "IngressClass"},
    GroupKind{"networking.k8s.io", "ServiceCIDR"},
    GroupKind{"node.k8s.io", "RuntimeClass"},
    GroupKind{"nvidia.com", "ClusterPolicy"},
    GroupKind{"policy", "PodSecurityPolicy"},
    GroupKind{"rbac.authorization.k8s.io", "ClusterRole"},
    GroupKind{"rbac.authorization.k8s.io", "ClusterRoleBinding"},
    GroupKind{"resource.k8s.io", "DeviceClass"},
    GroupKind{"resource.k8s.io", "ResourceSlice"},
    GroupKind{"scheduling.k8s.io", "PriorityClass"},
    GroupKind{"serving.kserve.io", "ClusterServingRuntime"},
    GroupKind{"serving.kserve.io", "ClusterStorageContainer"},
    GroupKind{"serving.kserve.io", "LocalModelCache"},
    GroupKind{"serving.kserve.io", "LocalModelNode"},
    GroupKind{"serving.kserve.io", "LocalModelNodeGroup"},
    GroupKind{"storage.k8s.io", "CSIDriver"},
    GroupKind{"storage.k8s.io", "CSINode"},
    GroupKind{"storage.k8s.io", "StorageClass"},
    GroupKind{"storage.k8s.io", "VolumeAttachment"},
    GroupKind{"storage.k8s.io", "VolumeAttributesClass"},
};

}  // namespace

bool cluster_scoped_table_sorted() {
  return std::is_sorted(kClusterScoped.begin(), kClusterScoped.end());
}

bool is_cluster_scoped_kind(std::string_view group, std::string_view kind) {
  return std::binary_search(kClusterScoped.begin(), kClusterScoped.end(),
                            GroupKind{group, kind});
}

void split_api_version(std::string_view api_version, std::string_view* group,
                       std::string_view* version) {
  std::size_t slash = api_version.rfind('/');
  if (slash == std::string_view::npos) {
    *group = {};
    *version = api_version;
  } else {
    *group = api_version.substr(0, slash);
    *version = api_version.substr(slash + 1);
  }
}

}  // namespace launchlint
