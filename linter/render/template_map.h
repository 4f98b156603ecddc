#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "linter/render/yaml_path.h"
#include "linter/yaml/document.h"

namespace launchlint {

// Where a rendered node comes from in a Helm template's text.
struct TemplateMatch {
  std::uint32_t line = 0;  // 1-based; 0: nothing found
  std::uint32_t column = 0;
  std::size_t matched = 0;     // path steps the template writes literally
  std::vector<PathStep> rest;  // the steps after them
  bool exact = false;          // every step written literally
  // The `{{ toYaml / include / tpl ... }}` line producing the rest, if any.
  bool produced = false;
  std::string include_name;  // include "name" / template "name"
  // `.Values.a.b` read by the producing action (or the matched line, or the
  // enclosing range), with the unmatched steps appended: values to locate.
  std::vector<std::vector<PathStep>> values_paths;
  bool values_block = false;  // values_paths[0] is the node itself (toYaml)
};

// Finds `steps` (a rendered node's YAML path) in `text`, a template file:
// indentation-aware, skipping template actions. `rendered_root` is the root of
// the rendered document, used to tell list items apart; `kind` picks the
// right document of a multi-document template. `occurrence` is the rendered
// document's index among those the same template wrote (-1: unknown), which
// tells the element of a `range` around the whole document.
TemplateMatch map_template(std::string_view text,
                           const std::vector<PathStep>& steps,
                           NodeRef rendered_root, std::string_view kind,
                           int occurrence = -1);

// The body of `{{ define "name" }}` in `text`: lines [first, last], 1-based;
// false when absent.
bool find_define(std::string_view text, std::string_view name,
                 std::uint32_t* first, std::uint32_t* last);

}  // namespace launchlint
