#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "linter/model/object.h"
#include "linter/yaml/document.h"

namespace launchlint {

struct ModelStats {
  std::size_t files = 0;
  std::size_t bytes = 0;
  std::size_t documents = 0;
  std::size_t empty_documents = 0;
  std::size_t skipped_documents = 0;  // no apiVersion or kind
};

// Every object loaded, in input order.
class Model {
 public:
  std::vector<Object> objects;
  ModelStats stats;

  // Reads the objects of one document (several for `kind: List`).
  void add_document(std::shared_ptr<const Document> document,
                    const std::string& default_namespace);
  // Applies what only the whole set tells: scopes declared by loaded CRDs.
  void finish();
};

}  // namespace launchlint
