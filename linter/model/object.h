#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "linter/model/server_kind.h"
#include "linter/yaml/document.h"

namespace launchlint {

struct Location {
  std::shared_ptr<const std::string> file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;

  std::string_view file_name() const {
    return file ? std::string_view(*file) : std::string_view();
  }
};

Location location_of(NodeRef node);

// An object's identity. The text lives in the run's StringPool (the model's
// `strings`), which objects and findings keep alive.
struct ObjectId {
  std::string_view api_version;
  std::string_view kind;
  std::string_view ns;  // empty for cluster-scoped objects
  std::string_view name;

  // "kind/name" or "kind ns/name", as kubectl would name it.
  std::string display() const;
  bool operator==(const ObjectId&) const = default;
};

enum class ContainerKind : std::uint8_t { Main, Init, Sidecar };

// A container of a pod template. KServe's `model` and framework predictors
// are containers too.
struct Container {
  NodeRef node;
  ContainerKind kind = ContainerKind::Main;
  // A KServe `model`/framework container, or an LLMInferenceService
  // container merged with its config template by name: the runtime supplies
  // image, probes, ports and securityContext.
  bool from_runtime = false;
  // The model server it runs (recognise_server), set when it is read.
  ServerKind server = ServerKind::None;

  std::string_view name() const { return node["name"].str(); }
  std::string_view image() const { return node["image"].str(); }
  NodeRef resources() const { return node["resources"]; }
  bool is_init() const { return kind == ContainerKind::Init; }
  // Runs for the pod's whole life (main containers and sidecars).
  bool long_running() const { return kind != ContainerKind::Init; }
};

// A pod template inside a workload: the pod spec plus the metadata its pods
// get. For a bare Pod both are the object's own.
struct AcceleratorVocabulary;

struct PodTemplate {
  std::string role;  // "", "leader", "worker", "predictor", "head", ...
  NodeRef holder;    // the node holding metadata and spec (template)
  NodeRef metadata;  // pod metadata (may be invalid)
  NodeRef spec;      // the pod spec
  std::vector<Container> containers;
  // Set by Model::finish; null means the built-in names only.
  const AcceleratorVocabulary* accelerators = nullptr;
  // Accelerators one pod requests (pod_accelerators), set with them.
  double accelerator_count = 0;

  // A container-level securityContext field, falling back to the pod's.
  NodeRef security_field(const Container& c, std::string_view field) const;
  // `container "name"`, with the template's role when there is one.
  std::string describe(const Container& c) const;
};

// One Kubernetes object read from the input.
class Object {
 public:
  ObjectId id;
  std::string_view group;    // "" for the core group
  std::string_view version;  // "v1"
  bool cluster_scoped = false;
  bool namespace_defaulted = false;  // metadata.namespace was absent

  std::shared_ptr<const Document> document;
  NodeRef root;
  NodeRef metadata;
  std::vector<PodTemplate> pods;

  NodeRef labels() const { return metadata["labels"]; }
  NodeRef annotations() const { return metadata["annotations"]; }
  std::string_view label(std::string_view key) const {
    return labels()[key].str();
  }
  std::string_view annotation(std::string_view key) const {
    return annotations()[key].str();
  }
  NodeRef spec() const { return root["spec"]; }
  bool is(std::string_view group_name, std::string_view kind) const {
    return group == group_name && id.kind == kind;
  }
  bool runs_pods() const { return !pods.empty(); }
  // Jobs and CronJobs run to completion; everything else serves.
  bool is_batch() const;

  Location location() const { return location_of(root); }
  const std::string& file() const;
  std::string_view helm_source() const;
  // The declared replica count (spec.replicas), 1 when unset.
  long long replicas() const;
};

}  // namespace launchlint
