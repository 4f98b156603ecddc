#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "linter/cli/common.h"
#include "linter/lint/lint.h"

namespace launchlint {

// What `lint` and `review` take beside the inputs: chart and kustomize
// rendering, values sets, and CRD schema files.
struct RenderFlags {
  RenderOptions render;
  std::vector<std::string> values_sets;  // NAME=a.yaml,b.yaml
  std::vector<std::string> crd_paths;
  CLI::Option* default_namespace = nullptr;  // to see whether it was given
};

void add_render_options(CLI::App* cmd, RenderFlags* flags);

// Copies the flags into `options`; false (after a message on stderr) when a
// --values-set is malformed or repeated. Charts rendered with --namespace
// put unnamespaced objects there, unless --default-namespace says otherwise.
// Runs after prepare_lint, whose target Kubernetes version it keeps.
bool prepare_render(const RenderFlags& flags, const InputFlags& input,
                    LintOptions* options);

}  // namespace launchlint
