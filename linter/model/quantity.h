#pragma once

#include <string_view>

#include "linter/yaml/document.h"

namespace launchlint {

// Parses a Kubernetes resource quantity ("500m", "1Gi", "2", "1e3") into its
// value in base units (cores, bytes, devices). False when malformed.
bool parse_quantity(std::string_view text, double* value);
bool parse_quantity(NodeRef node, double* value);

}  // namespace launchlint
