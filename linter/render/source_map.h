#pragma once

#include <vector>

#include "linter/model/model.h"
#include "linter/render/render.h"
#include "linter/rules/rule.h"

namespace launchlint {

// Moves the findings on rendered streams to the files that wrote them: the
// Helm template line (or the values file line, for a block a values file
// writes through toYaml), or the kustomize resource or patch line. The
// rendered position becomes a related location; values files and named
// templates involved are related locations too. Findings whose source is not
// on disk keep their rendered location.
void map_to_sources(const std::vector<Rendering>& renderings,
                    const Model& model, std::vector<Finding>* findings);

// The finding for a Helm template error (rule helm-template-error).
Finding template_error_finding(const Rendering& rendering);

}  // namespace launchlint
