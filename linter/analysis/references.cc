#include "linter/analysis/references.h"

namespace launchlint {

namespace {

void add(RefKind kind, NodeRef name, NodeRef optional,
         std::vector<Reference>* out) {
  if (!name.is_scalar() || name.str().empty()) return;
  out->push_back({kind, std::string(name.str()), name, optional.is_true()});
}

void add_env(NodeRef container, std::vector<Reference>* out) {
  NodeRef env = container["env"];
  for (std::uint32_t i = 0; i < env.size(); ++i) {
    NodeRef from = env.at(i)["valueFrom"];
    NodeRef s = from["secretKeyRef"];
    add(RefKind::Secret, s["name"], s["optional"], out);
    NodeRef c = from["configMapKeyRef"];
    add(RefKind::ConfigMap, c["name"], c["optional"], out);
  }
  NodeRef env_from = container["envFrom"];
  for (std::uint32_t i = 0; i < env_from.size(); ++i) {
    NodeRef s = env_from.at(i)["secretRef"];
    add(RefKind::Secret, s["name"], s["optional"], out);
    NodeRef c = env_from.at(i)["configMapRef"];
    add(RefKind::ConfigMap, c["name"], c["optional"], out);
  }
}

}  // namespace

std::string_view to_string(RefKind kind) {
  switch (kind) {
    case RefKind::Secret:
      return "Secret";
    case RefKind::ConfigMap:
      return "ConfigMap";
    case RefKind::Pvc:
      return "PersistentVolumeClaim";
  }
  return "";
}

std::vector<Reference> pod_references(const PodTemplate& pod) {
  std::vector<Reference> out;
  NodeRef volumes = pod.spec["volumes"];
  for (std::uint32_t i = 0; i < volumes.size(); ++i) {
    NodeRef v = volumes.at(i);
    add(RefKind::Secret, v["secret"]["secretName"], v["secret"]["optional"],
        &out);
    add(RefKind::ConfigMap, v["configMap"]["name"], v["configMap"]["optional"],
        &out);
    add(RefKind::Pvc, v["persistentVolumeClaim"]["claimName"], {}, &out);
    NodeRef sources = v["projected"]["sources"];
    for (std::uint32_t j = 0; j < sources.size(); ++j) {
      NodeRef s = sources.at(j);
      add(RefKind::Secret, s["secret"]["name"], s["secret"]["optional"], &out);
      add(RefKind::ConfigMap, s["configMap"]["name"],
          s["configMap"]["optional"], &out);
    }
  }
  for (const Container& c : pod.containers) add_env(c.node, &out);
  NodeRef pulls = pod.spec["imagePullSecrets"];
  for (std::uint32_t i = 0; i < pulls.size(); ++i) {
    // A missing pull secret only warns; a public image still pulls.
    NodeRef name = pulls.at(i)["name"];
    if (name.is_scalar() && !name.str().empty())
      out.push_back({RefKind::Secret, std::string(name.str()), name, true});
  }
  return out;
}

std::vector<std::string_view> provided_secret_names(const Object& o) {
  std::vector<std::string_view> out;
  NodeRef spec = o.spec();
  if (o.id.kind == "ExternalSecret") {
    std::string_view target = spec["target"]["name"].str();
    out.push_back(target.empty() ? std::string_view(o.id.name) : target);
  } else if (o.id.kind == "SealedSecret") {
    std::string_view target = spec["template"]["metadata"]["name"].str();
    out.push_back(target.empty() ? std::string_view(o.id.name) : target);
  } else if (o.id.kind == "SecretProviderClass") {
    NodeRef objects = spec["secretObjects"];
    for (std::uint32_t i = 0; i < objects.size(); ++i)
      out.push_back(objects.at(i)["secretName"].str());
  } else if (o.id.kind == "Certificate") {
    out.push_back(spec["secretName"].str());
  }
  return out;
}

const Object* find_provider(const NamespaceInfo& ns, RefKind kind,
                            std::string_view name, bool* implicit) {
  *implicit = false;
  const std::vector<const Object*>& defined =
      kind == RefKind::Secret      ? ns.secrets
      : kind == RefKind::ConfigMap ? ns.config_maps
                                   : ns.pvcs;
  for (const Object* o : defined) {
    if (o->id.name == name) return o;
  }
  if (kind == RefKind::Secret) {
    for (const Object* o : ns.secret_providers) {
      for (std::string_view n : provided_secret_names(*o)) {
        if (n == name) return o;
      }
    }
  }
  if (kind == RefKind::ConfigMap && name == "kube-root-ca.crt")
    *implicit = true;
  return nullptr;
}

}  // namespace launchlint
