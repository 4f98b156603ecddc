#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "linter/model/accelerators.h"
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

// The objects one document holds (several for `kind: List`), read where the
// document was parsed: thread-safe.
struct DocumentObjects {
  std::vector<Object> objects;
  std::size_t skipped = 0;  // no apiVersion or kind
};
DocumentObjects read_document(std::shared_ptr<const Document> document,
                              const std::string& default_namespace);

// Every object loaded, in input order.
class Model {
 public:
  Model() = default;
  // The indexes point into `objects`: moving keeps them valid, copying would
  // not.
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;
  Model(Model&&) = default;
  Model& operator=(Model&&) = default;

  std::vector<Object> objects;
  ModelStats stats;
  // The text of the model's documents, objects and findings.
  std::shared_ptr<StringPool> strings = std::make_shared<StringPool>();

  // Reads the objects of one document (several for `kind: List`).
  void add_document(std::shared_ptr<const Document> document,
                    const std::string& default_namespace);
  // Adds what read_document found in one document.
  void add(DocumentObjects&& read);
  // Applies what only the whole set tells: scopes declared by loaded CRDs;
  // indexes namespaces; gives every pod template the cluster's accelerator
  // names.
  void finish(const AcceleratorVocabulary& accelerators = {});

  // The accelerator names pod templates were given by finish().
  const AcceleratorVocabulary& accelerators() const;

  // The Namespace object named `name`, or null when the set does not define
  // it. Valid after finish().
  const Object* find_namespace(std::string_view name) const;

  // Objects of namespace `ns` (all kinds), and of one group/kind there, in
  // input order: indexed, so cross-object checks never scan the whole set.
  // Valid after finish().
  const std::vector<const Object*>& in_namespace(std::string_view ns) const;
  const std::vector<const Object*>& of_kind(std::string_view ns,
                                            std::string_view group,
                                            std::string_view kind) const;
  // Objects of one group/kind in every namespace, in input order.
  const std::vector<const Object*>& all_of_kind(std::string_view group,
                                                std::string_view kind) const;

 private:
  // Shared, so pod templates' pointers survive moving the Model.
  std::shared_ptr<const AcceleratorVocabulary> accelerators_;
  // Keyed by the objects' own text.
  std::unordered_map<std::string_view, const Object*> namespaces_;
  std::unordered_map<std::string_view, std::vector<const Object*>>
      by_namespace_;
  std::unordered_map<std::string, std::vector<const Object*>> by_kind_;
  std::unordered_map<std::string, std::vector<const Object*>> by_group_kind_;
};

}  // namespace launchlint
