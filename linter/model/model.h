#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
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

  // Objects of group/kind in namespace `ns` ("" for cluster-scoped), and the
  // objects that run pods in `ns`, in input order. Valid after finish().
  const std::vector<const Object*>& objects_of(std::string_view ns,
                                               std::string_view group,
                                               std::string_view kind) const;
  const std::vector<const Object*>& workloads_in(std::string_view ns) const;

 private:
  std::unordered_map<std::string, const Object*> namespaces_;
  std::unordered_map<std::string, std::vector<const Object*>> by_kind_;
  std::unordered_map<std::string, std::vector<const Object*>> workloads_;
};

}  // namespace launchlint
