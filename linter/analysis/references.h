#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "linter/analysis/namespace_model.h"

namespace launchlint {

enum class RefKind : std::uint8_t { Secret, ConfigMap, Pvc };
std::string_view to_string(RefKind kind);

// A pod template's use of a Secret, ConfigMap or PersistentVolumeClaim:
// volumes (and projected sources), env valueFrom, envFrom, imagePullSecrets.
struct Reference {
  RefKind kind = RefKind::Secret;
  std::string name;
  NodeRef node;           // the node holding the name
  bool optional = false;  // `optional: true`: the pod starts without it
};
std::vector<Reference> pod_references(const PodTemplate& pod);

// The object of the namespace that defines (Secret, ConfigMap, PVC) or
// provides (ExternalSecret, SealedSecret, SecretProviderClass secretObjects,
// cert-manager Certificate) the referenced name; null when none does.
// `implicit` is set for names every namespace has (kube-root-ca.crt).
const Object* find_provider(const NamespaceInfo& ns, RefKind kind,
                            std::string_view name, bool* implicit);

// Names a provider object makes available as Secrets.
std::vector<std::string_view> provided_secret_names(const Object& provider);

}  // namespace launchlint
