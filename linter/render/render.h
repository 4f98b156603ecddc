#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace launchlint {

// A named group of values files: the chart is rendered once per set.
struct ValuesSet {
  std::string name;
  std::vector<std::string> files;
};

// How charts and kustomize folders are rendered. Options pass through to
// `helm template`.
struct RenderOptions {
  std::string helm = "helm";  // program: a path, or a name looked up on PATH
  std::string kustomize;      // "": kubectl kustomize, else kustomize build
                              // (or kubectl kustomize when it names kubectl)
  std::vector<std::string> values;  // -f, for every rendering
  std::vector<std::string> set, set_string, set_file, api_versions;
  std::string release_name = "release";
  std::string ns;
  std::string kube_version;
  std::vector<ValuesSet> values_sets;
  int timeout_seconds = 120;
};

enum class RenderKind : std::uint8_t { Helm, Kustomize };

// Where a rendered document came from, for a kustomize build.
struct KustomizeOrigin {
  std::uint32_t first_line = 0;  // lines of the document in the rendered text
  std::uint32_t last_line = 0;
  std::string file;  // resource file, relative to the current folder
};

// An `images:` entry of a kustomization: it rewrites matching images.
struct KustomizeImage {
  std::string file;                    // the kustomization file
  std::uint32_t line = 0, column = 0;  // its newTag/digest/newName, else name
  std::string name;                    // the image name it matches
  std::string new_name;                // the name it gives, if any
};

// One rendering of one chart (per values set) or one kustomize folder.
struct Rendering {
  RenderKind kind = RenderKind::Helm;
  std::string folder;      // chart or kustomization folder, as found
  std::string values_set;  // set name; empty without --values-set
  std::vector<std::string> values_files;  // -f files, in order
  // Name of the rendered stream, e.g. "chart (helm template)".
  std::shared_ptr<const std::string> display;
  std::string text;     // the rendered manifests
  bool failed = false;  // the tool failed: `error` says why
  std::string error;
  // A Helm template error, reported as a finding at the template line.
  std::string error_file;  // on disk, relative to the current folder
  std::uint32_t error_line = 0, error_column = 0;
  std::string error_message;
  std::vector<KustomizeOrigin> origins;  // kustomize documents' sources
  std::vector<std::string> patch_files;  // kustomize patches, all layers
  std::vector<KustomizeImage> images;    // kustomize images, outermost first
};

// True when `folder` holds Chart.yaml / a kustomization file.
bool is_chart_folder(const std::string& folder);
bool is_kustomize_folder(const std::string& folder);

// Renders every chart (once per values set) and kustomize folder, in
// parallel. Results keep the order of `charts` then `kustomizations`, sets in
// the order given.
std::vector<Rendering> render_all(
    const std::vector<std::string>& charts,
    const std::vector<std::string>& kustomizations,
    const RenderOptions& options);

// The argument vector `helm template` runs with for one values set (null:
// none).
std::vector<std::string> helm_argv(const std::string& chart,
                                   const RenderOptions& options,
                                   const ValuesSet* set);

// Parses Helm's error output; fills the template error fields of `r` when it
// names a template line. `chart` is the chart folder on disk.
bool parse_helm_error(const std::string& stderr_text, const std::string& chart,
                      Rendering* r);

// Removes the config.kubernetes.io/origin annotations the build added and
// records each document's origin (paths relative to `root`, then rewritten
// relative to the current folder).
std::string strip_origins(const std::string& text, const std::string& root,
                          std::vector<KustomizeOrigin>* origins);

}  // namespace launchlint
