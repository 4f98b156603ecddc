#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>
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
  // Applies what only the whole set tells: scopes declared by loaded CRDs;
  // indexes namespaces.
  void finish();

  // The Namespace object named `name`, or null when the set does not define
  // it. Valid after finish().
  const Object* find_namespace(const std::string& name) const;

 private:
  std::unordered_map<std::string, const Object*> namespaces_;
};

}  // namespace launchlint
