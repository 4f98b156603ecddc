#include "linter/render/render_inputs.h"

#include <fmt/format.h>

namespace launchlint {

std::vector<Rendering> render_inputs(const std::vector<InputFile>& inputs,
                                     const RenderOptions& options) {
  std::vector<std::string> charts, kustomizations;
  for (const InputFile& input : inputs) {
    if (input.kind == InputKind::Chart) charts.push_back(input.path);
    if (input.kind == InputKind::Kustomization)
      kustomizations.push_back(input.path);
  }
  if (charts.empty() && kustomizations.empty()) return {};
  return render_all(charts, kustomizations, options);
}

std::vector<const Rendering*> renderings_of(
    const std::vector<Rendering>& renderings, const InputFile& input,
    std::size_t set, const RenderOptions& options) {
  std::vector<const Rendering*> out;
  for (const Rendering& r : renderings) {
    if (r.folder != input.path) continue;
    if (r.kind == RenderKind::Kustomize) {
      if (input.kind == InputKind::Kustomization) out.push_back(&r);
      continue;
    }
    if (input.kind != InputKind::Chart) continue;
    if (options.values_sets.empty() ||
        (set < options.values_sets.size() &&
         r.values_set == options.values_sets[set].name))
      out.push_back(&r);
  }
  return out;
}

void add_render_errors(const std::vector<Rendering>& renderings,
                       std::vector<InputError>* errors) {
  for (std::size_t i = 0; i < renderings.size(); ++i) {
    const Rendering& r = renderings[i];
    if (!r.failed) continue;
    // The same failure for every values set (a missing helm) is said once.
    bool every_set = true, first = true;
    for (std::size_t j = 0; j < renderings.size(); ++j) {
      const Rendering& o = renderings[j];
      if (o.folder != r.folder || o.kind != r.kind) continue;
      if (!o.failed || o.error != r.error) every_set = false;
      if (j < i && o.failed && o.error == r.error) first = false;
    }
    if (every_set && !first) continue;
    std::string what =
        r.values_set.empty() || every_set
            ? r.folder
            : fmt::format("{} (values {})", r.folder, r.values_set);
    errors->push_back({what, r.error});
  }
}

}  // namespace launchlint
