#pragma once

#include <string>
#include <string_view>

#include "linter/config/yaml_json.h"
#include "linter/model/object.h"

namespace launchlint {

struct SchemaError {
  Location location;
  std::string message;
};

// Validates `doc` against a JSON Schema (draft-04) given as text. On failure
// fills `error` with the first problem at the YAML line that holds it, in
// words a user can act on ("unknown key \"exeptions\"; did you mean
// \"exceptions\"?").
bool check_against_schema(std::string_view schema_text, const JsonWithNodes& doc,
                          NodeRef root, SchemaError* error);

// The closest of `candidates` to `word` by edit distance, or empty when none
// is close enough to suggest.
std::string closest_word(std::string_view word,
                         const std::vector<std::string>& candidates);

}  // namespace launchlint
