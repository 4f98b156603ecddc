#include <fmt/format.h>

#include "linter/analysis/label_selector.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext&, const Object& object, Reporter& out) {
  if (!object.is("apps", "Deployment") && !object.is("apps", "StatefulSet") &&
      !object.is("apps", "DaemonSet") && !object.is("apps", "ReplicaSet") &&
      !object.is("argoproj.io", "Rollout"))
    return;
  NodeRef selector = object.spec()["selector"];
  if (!selector.is_map() || object.pods.empty()) return;
  NodeRef labels = object.pods.front().metadata["labels"];
  // An unknown operator is the schema's concern.
  LabelSelector parsed = parse_label_selector(selector);
  LabelSet have = LabelSet::from_node(labels);
  if (parsed.invalid || parsed.matches(have)) return;
  // Point at the first selector term the template's labels miss: the
  // requirements are matchLabels' entries, then matchExpressions', in order.
  std::vector<NodeRef> terms;
  NodeRef match_labels = selector["matchLabels"];
  for (std::uint32_t i = 0; i < match_labels.size(); ++i)
    terms.push_back(match_labels.at(i));
  NodeRef exprs = selector["matchExpressions"];
  for (std::uint32_t i = 0; i < exprs.size(); ++i) terms.push_back(exprs.at(i));
  NodeRef at = selector;
  for (std::size_t i = 0; i < parsed.requirements.size(); ++i) {
    LabelSelector one;
    one.requirements.push_back(parsed.requirements[i]);
    if (!one.matches(have)) {
      if (i < terms.size()) at = terms[i];
      break;
    }
  }
  out.report(
      at,
      fmt::format("{} {}'s selector does not match its pod "
                  "template's labels: the API server rejects it "
                  "(or the controller never sees its own pods); "
                  "make spec.selector a subset of "
                  "spec.template.metadata.labels",
                  object.id.kind, object.id.name),
      {{location_of(labels.valid() ? labels : object.pods.front().holder),
        "the template's labels"}});
}

}  // namespace

extern const Rule kSelectorTemplateMismatch = {
    {"GEN006", "selector-template-mismatch", Area::General, Severity::Error,
     "A workload's selector does not match its pod template's labels."},
    check};

}  // namespace launchlint
