#pragma once

// For tests: a Model built from YAML text, as the loader would build it.

#include <memory>
#include <string>
#include <string_view>

#include "linter/model/model.h"
#include "linter/yaml/parse.h"

namespace launchlint {

inline Model load_model(std::string_view text,
                        const AcceleratorVocabulary& accelerators = {}) {
  Model m;
  ParsedStream p =
      parse_stream(text, std::make_shared<const std::string>("t.yaml"));
  for (auto& d : p.documents) m.add_document(d, "default");
  m.finish(accelerators);
  return m;
}

}  // namespace launchlint
