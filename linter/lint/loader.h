#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "linter/load/inputs.h"
#include "linter/model/model.h"
#include "linter/rules/rule.h"
#include "linter/yaml/parse.h"

namespace launchlint {

struct LoadOptions {
  ParseLimits parse_limits;
  std::string default_namespace = "default";
  unsigned jobs = 0;  // parsing threads; 0 means one per core
  // Input bytes parsed per batch before the model takes them; 0: automatic.
  std::size_t batch_bytes = 0;
};

// Loads inputs into a model in batches: a stream is split at its document
// markers, each batch's documents are parsed and read into objects on `jobs`
// threads, then join the model in input order, so nothing depends on the
// number of threads. Pages of a mapped input go back to the system once
// parsed. YAML problems become findings.
class Loader {
 public:
  Loader(const LoadOptions& options, Model* model,
         std::vector<Finding>* findings);
  ~Loader();

  // An input the loader keeps until its documents are parsed.
  void add(std::string_view display, InputText text);
  // Text the caller keeps until finish().
  void add(std::string_view display, std::string_view text);
  // Parses what is pending.
  void finish();

 private:
  struct Source;
  struct Task;
  void add(std::string_view display, std::string_view body,
           std::unique_ptr<Source> source);
  void run_batch(const Source* splitting);
  void report(const Source& s, const ParseDiagnostic& d);

  const LoadOptions& options_;
  Model* model_;
  std::vector<Finding>* findings_;
  unsigned jobs_ = 1;
  std::size_t batch_bytes_ = 0;
  std::vector<std::unique_ptr<Source>> sources_;
  std::vector<Task> tasks_;
  std::size_t pending_bytes_ = 0;
};

}  // namespace launchlint
