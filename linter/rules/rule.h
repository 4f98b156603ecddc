#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "linter/analysis/gateway_settings.h"
#include "linter/model/accelerators.h"
#include "linter/model/model.h"
#include "linter/model/object.h"
#include "linter/model/owners.h"

namespace launchlint {

enum class Area : std::uint8_t {
  Security,
  Scheduling,
  Rollout,
  Observability,
  Cost,
  General
};
enum class Severity : std::uint8_t { Info, Warning, Error };

// The newest Kubernetes minor release the API-removal table was checked
// against (the release-1.36 OpenAPI document).
inline constexpr int kNewestKubeMinor = 36;

std::string_view to_string(Area area);
std::string_view to_string(Severity severity);
bool parse_area(std::string_view text, Area* area);
bool parse_severity(std::string_view text, Severity* severity);

// What a rule is, beside its check. Docs live in rules/<area>/<name>.md.
struct RuleInfo {
  std::string_view id;    // stable code, e.g. "SEC001"
  std::string_view name;  // kebab-case, e.g. "privileged-container"
  Area area;
  Severity severity;
  std::string_view summary;
  // Custom rules (the config's customRules) carry their doc and the config
  // file that defines them; both are empty for built-in rules, whose docs are
  // embedded (rule_doc).
  std::string_view doc = {};
  std::string_view source = {};
};

// Another place a rule's finding points at (the other object of a
// cross-object finding, a values line), with what it is.
struct RelatedLocation {
  Location location;
  std::string message;
};

// The same, kept in a finding: its text is in the finding's pool, where the
// same note on many findings (one policy, every workload) is stored once.
struct RelatedNote {
  Location location;
  std::string_view message;
};

// A finding's text (message, path, names) is a view into the run's
// StringPool, kept alive by `strings`: findings repeat the same text often
// (one rule on copies of a chart, every values set), so it is stored once.
struct Finding {
  const RuleInfo* rule = nullptr;
  Severity severity = Severity::Error;
  bool suppressed = false;
  bool suppressed_by_config = false;  // config exception, not an annotation
  std::string_view message;
  ObjectId object;  // empty for findings about a file (yaml-syntax)
  Location location;
  std::string_view path;  // YAML path of the flagged node inside its document
  std::string_view helm_source;
  std::string_view values_set;  // --values-set name(s) of the chart rendering
  std::vector<RelatedNote> related;
  std::string_view suppression_reason;
  std::string_view suppression_owner;
  std::string_view suppression_expires;  // YYYY-MM-DD or empty
  std::shared_ptr<StringPool> strings;

  // Stores `text` in the finding's pool (a new one when it has none) and
  // returns the view to keep.
  std::string_view keep(std::string_view text);
  // Adds a related location, its message kept in the pool.
  void relate(Location at, std::string_view note) {
    related.push_back({std::move(at), keep(note)});
  }
};

class SchemaAnalysis;
struct CustomRules;

struct LintSettings {
  std::string default_namespace = "default";
  OwnerDefaults owners;  // from the config file
  // Target Kubernetes minor version (1.<kube_minor>) for API removals.
  int kube_minor = kNewestKubeMinor;
  // Labels every GPU or model-server workload and its pod template must carry
  // so spend can be attributed (missing-cost-labels).
  std::vector<std::string> cost_label_keys = {"model", "route", "tenant",
                                              "workload-class"};
  // Extra accelerator resource names and node-label keys (gpuResources,
  // acceleratorNodeLabels).
  AcceleratorVocabulary accelerators;
  // Where trusted ingress comes from (gateway); empty: not configured.
  GatewaySettings gateway;
  // The config's custom rules, compiled; run beside the built-in ones.
  std::shared_ptr<const CustomRules> custom_rules;
};

class NamespaceModel;

// What a check sees: the whole model, the namespace model built on it once
// (linter/analysis/), and the settings.
struct LintContext {
  const Model& model;
  const LintSettings& settings;
  const SchemaAnalysis* schemas = nullptr;  // schema validation, when run
  const NamespaceModel* namespaces = nullptr;
};

// Collects the findings of one rule on one object.
class Reporter {
 public:
  // Related locations one finding lists at most; the last one shown counts
  // the rest.
  static constexpr std::size_t kMaxRelated = 10;

  Reporter(const RuleInfo& rule, const Object& object,
           std::vector<Finding>* out)
      : rule_(rule), object_(object), out_(out) {}

  // Reports at `at`, which must be the wrong node, or the nearest existing
  // parent when a field is missing. An invalid `at` reports at the object.
  void report(NodeRef at, std::string message,
              std::vector<RelatedLocation> related = {});

  const Object& object() const { return object_; }

 private:
  const RuleInfo& rule_;
  const Object& object_;
  std::vector<Finding>* out_;
};

using CheckFn = void (*)(const LintContext&, const Object&, Reporter&);

struct Rule {
  RuleInfo info;
  CheckFn check;  // null for rules the loader reports (yaml-syntax)
};

}  // namespace launchlint
