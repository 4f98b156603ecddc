#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "linter/model/model.h"
#include "linter/schema/schema.h"
#include "linter/schema/validate.h"

namespace launchlint {

// The schemas of custom resources: each served version of each
// CustomResourceDefinition, compiled on first use.
class CrdSchemas {
 public:
  // Reads a CustomResourceDefinition (apiextensions.k8s.io v1 or v1beta1);
  // anything else is ignored. The first definition of a kind wins.
  void add(NodeRef crd, std::shared_ptr<const Document> keep_alive);
  const SchemaNode* find(std::string_view group, std::string_view version,
                         std::string_view kind);
  bool defines(std::string_view group, std::string_view kind) const;

 private:
  struct Entry {
    NodeRef schema;
    const SchemaNode* compiled = nullptr;
  };
  std::map<std::string, Entry, std::less<>> versions_;  // "g/v/k"
  std::map<std::string, int, std::less<>> kinds_;       // "g/k"
  std::vector<std::shared_ptr<const Document>> documents_;
  SchemaArena arena_;
};

// Schema validation of every object of a model: the one walk per object is
// shared by the four schema rules (rules run object by object, so each
// thread's last result is kept), and the kinds no schema covers are counted.
// Safe to read from several threads once built.
class SchemaAnalysis {
 public:
  // `crd_documents` are CRDs given with --crd: schemas only.
  SchemaAnalysis(
      const Model& model,
      const std::vector<std::shared_ptr<const Document>>& crd_documents);

  const std::vector<SchemaViolation>& violations(const Object& object) const;

  struct MissingKind {
    const Object* first = nullptr;
    std::size_t count = 0;
    bool crd_without_version =
        false;  // a CRD defines the kind, not this version
  };
  // For the first object of each kind without a schema: its kind's entry.
  const MissingKind* missing(const Object& object) const;

 private:
  const SchemaNode* schema_of(const Object& object) const;

  mutable CrdSchemas crds_;
  std::map<std::string, MissingKind, std::less<>>
      missing_;               // "apiVersion kind"
  std::uint64_t serial_ = 0;  // tells this analysis's cached results apart
};

}  // namespace launchlint
