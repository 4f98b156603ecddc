#include <fmt/format.h>

#include "linter/model/selectors.h"
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
  if (selector_matches(selector, labels)) return;
  // Point at the first selector term the template's labels miss.
  NodeRef at = selector;
  NodeRef match_labels = selector["matchLabels"];
  for (std::uint32_t i = 0; i < match_labels.size(); ++i) {
    NodeRef have = labels[match_labels.key_at(i).str()];
    if (!have.is_scalar() || have.str() != match_labels.at(i).str()) {
      at = match_labels.at(i);
      break;
    }
  }
  NodeRef exprs = selector["matchExpressions"];
  for (std::uint32_t i = 0; at == selector && i < exprs.size(); ++i) {
    if (!expression_matches(exprs.at(i), labels)) at = exprs.at(i);
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
