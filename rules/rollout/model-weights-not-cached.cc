#include <fmt/format.h>

#include "linter/model/serving.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

// Whether `a` is `b` or a directory above it.
bool covers(std::string_view a, std::string_view b) {
  while (a.size() > 1 && a.ends_with('/')) a.remove_suffix(1);
  return b == a || (b.starts_with(a) && (a == "/" || b[a.size()] == '/'));
}

NodeRef volume_named(const PodTemplate& pod, std::string_view name) {
  NodeRef volumes = pod.spec["volumes"];
  for (std::uint32_t i = 0; i < volumes.size(); ++i) {
    if (volumes.at(i)["name"].str() == name) return volumes.at(i);
  }
  return {};
}

bool claim_template_named(const Object& object, std::string_view name) {
  NodeRef claims = object.spec()["volumeClaimTemplates"];
  for (std::uint32_t i = 0; i < claims.size(); ++i) {
    if (claims.at(i)["metadata"]["name"].str() == name) return true;
  }
  return false;
}

// Volume sources that outlive the pod.
bool persistent(NodeRef volume) {
  for (std::string_view source :
       {"persistentVolumeClaim", "hostPath", "nfs", "csi", "image", "iscsi",
        "cephfs", "glusterfs", "azureFile", "awsElasticBlockStore",
        "gcePersistentDisk", "azureDisk", "rbd", "fc", "flexVolume"}) {
    if (volume[source].valid()) return true;
  }
  return false;
}

void check(const LintContext&, const Object& object, Reporter& out) {
  for (const PodTemplate& pod : object.pods) {
    for (const Container& c : pod.containers) {
      if (c.is_init()) continue;
      ServerKind server = container_server(c);
      if (server == ServerKind::None) continue;
      HubModel model = hub_model(c, server);
      if (model.id.empty()) continue;
      std::string dir = hub_cache_dir(c, server);
      if (dir.empty() || !dir.starts_with('/')) continue;
      NodeRef mounts = c.node["volumeMounts"];
      NodeRef ephemeral_mount;
      bool cached = false;
      for (std::uint32_t i = 0; i < mounts.size() && !cached; ++i) {
        std::string_view path = mounts.at(i)["mountPath"].str();
        if (path.empty() || !(covers(path, dir) || covers(dir, path))) continue;
        std::string_view name = mounts.at(i)["name"].str();
        NodeRef volume = volume_named(pod, name);
        if (persistent(volume) || claim_template_named(object, name)) {
          cached = true;
        } else if (!ephemeral_mount.valid()) {
          ephemeral_mount = mounts.at(i);
        }
      }
      if (cached) continue;
      std::string where =
          ephemeral_mount.valid()
              ? fmt::format("the volume \"{}\", which is deleted with the pod",
                            ephemeral_mount["name"].str())
              : std::string("the container's own filesystem");
      out.report(ephemeral_mount.valid()
                     ? ephemeral_mount["mountPath"]
                     : (model.at.valid() ? model.at : c.node),
                 fmt::format("{} downloads {} from the Hugging Face hub into "
                             "{} on {}: every pod start, restart and scale-up "
                             "downloads the weights again (minutes of "
                             "startup, hub rate limits, no start when the hub "
                             "is down); mount a PersistentVolumeClaim there "
                             "or pre-load the weights",
                             pod.describe(c), model.id, dir, where));
    }
  }
}

}  // namespace

extern const Rule kModelWeightsNotCached = {
    {"ROL012", "model-weights-not-cached", Area::Rollout, Severity::Warning,
     "A model server downloads hub weights at every start, with no "
     "persistent cache volume."},
    check};

}  // namespace launchlint
