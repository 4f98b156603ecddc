#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "linter/lsp/yaml_edit.h"
#include "linter/model/model.h"
#include "linter/rules/rule.h"

namespace launchlint::lsp {

// A code action: a title and the edits of one file's text.
struct Fix {
  std::string title;
  std::vector<ByteEdit> edits;
  bool preferred = false;
};

// The object a finding is about, if it is in `model`.
const Object* object_of(const Model& model, const Finding& finding);

// The deterministic fix of a finding, when its rule has one: the setting the
// rule asks for, written where it belongs (every affected container for
// container settings). Empty when there is none or the YAML cannot be edited
// safely; `text` is the finding's file as it was linted.
std::vector<Fix> fixes_for(const Model& model, const Finding& finding,
                           std::string_view text);

// "Accept this exception": the ignore annotation of the finding's rule, with
// a reason to fill in, under the object's metadata.annotations.
std::vector<Fix> accept_exception(const Model& model, const Finding& finding,
                                  std::string_view text);

inline constexpr std::string_view kReasonPlaceholder =
    "TODO: why this risk is accepted";

}  // namespace launchlint::lsp
