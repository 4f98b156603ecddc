#pragma once

#include <string>
#include <vector>

#include "linter/render/render.h"

namespace launchlint {

// The file on disk behind Helm's "# Source:" path ("name/templates/x.yaml",
// "name/charts/sub/templates/y.yaml") for the chart in `chart`; empty when it
// is not there (a packaged subchart).
std::string helm_source_file(const std::string& chart,
                             const std::string& helm_source);

// The chart folder holding `template_file` (its nearest parent with
// Chart.yaml), and the subchart names from the top chart down to it.
struct ChartChain {
  std::vector<std::string> folders;  // top chart first
  std::vector<std::string> names;    // subchart names below the top chart
};
ChartChain chart_chain(const std::string& top_chart,
                       const std::string& helm_source);

// Patch files and `images:` entries of a kustomization and of every
// kustomization it includes, outermost first.
void kustomize_sources(const std::string& folder,
                       std::vector<std::string>* patch_files,
                       std::vector<KustomizeImage>* images);

}  // namespace launchlint
