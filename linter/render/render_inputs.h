#pragma once

#include <vector>

#include "linter/load/inputs.h"
#include "linter/render/render.h"

namespace launchlint {

// Renders the chart and kustomization inputs, all at once, in parallel.
std::vector<Rendering> render_inputs(const std::vector<InputFile>& inputs,
                                     const RenderOptions& options);

// The renderings of one input for values set `set` (charts: one per set;
// kustomizations: the same one for every set).
std::vector<const Rendering*> renderings_of(
    const std::vector<Rendering>& renderings, const InputFile& input,
    std::size_t set, const RenderOptions& options);

// Failed renderings (other than template errors, which are findings) as
// input errors naming the chart or folder.
void add_render_errors(const std::vector<Rendering>& renderings,
                       std::vector<InputError>* errors);

}  // namespace launchlint
