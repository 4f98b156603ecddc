#pragma once

#include <string>
#include <vector>

#include "linter/yaml/document.h"

namespace launchlint {

// One step of a YAML path: a map key, or a sequence index (key empty).
struct PathStep {
  std::string key;
  int index = -1;
  bool is_index() const { return index >= 0; }
};

// Parses Document::path_of's syntax: `a.b[0]."dotted.key".c`.
std::vector<PathStep> parse_yaml_path(std::string_view path);
std::string format_yaml_path(const std::vector<PathStep>& steps);

// Follows `steps` from `node`; returns how many steps exist and sets `*last`
// to the deepest node reached (its key node for a map entry).
std::size_t follow_path(NodeRef node, const std::vector<PathStep>& steps,
                        NodeRef* last, NodeRef* last_value = nullptr);

// The node (or map key) at `line`:`column` under `root`; invalid when none.
NodeRef node_at(NodeRef root, std::uint32_t line, std::uint32_t column);

}  // namespace launchlint
