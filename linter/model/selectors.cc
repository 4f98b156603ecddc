#include "linter/model/selectors.h"

namespace launchlint {

bool labels_match(NodeRef match_labels, NodeRef labels) {
  for (std::uint32_t i = 0; i < match_labels.size(); ++i) {
    NodeRef have = labels[match_labels.key_at(i).str()];
    if (!have.is_scalar() || have.str() != match_labels.at(i).str())
      return false;
  }
  return true;
}

static bool in_values(NodeRef values, std::string_view value) {
  for (std::uint32_t i = 0; i < values.size(); ++i) {
    if (values.at(i).str() == value) return true;
  }
  return false;
}

bool expression_matches(NodeRef e, NodeRef labels) {
  NodeRef have = labels[e["key"].str()];
  std::string_view op = e["operator"].str();
  if (op == "In") return have.is_scalar() && in_values(e["values"], have.str());
  if (op == "NotIn")
    return !(have.is_scalar() && in_values(e["values"], have.str()));
  if (op == "Exists") return have.valid();
  if (op == "DoesNotExist") return !have.valid();
  return true;
}

bool selector_matches(NodeRef selector, NodeRef labels) {
  if (!labels_match(selector["matchLabels"], labels)) return false;
  NodeRef exprs = selector["matchExpressions"];
  for (std::uint32_t i = 0; i < exprs.size(); ++i) {
    if (!expression_matches(exprs.at(i), labels)) return false;
  }
  return true;
}

std::vector<SelectedPod> pods_selected_by(const Model& model,
                                          std::string_view ns,
                                          NodeRef match_labels) {
  std::vector<SelectedPod> out;
  if (!match_labels.is_map() || match_labels.size() == 0) return out;
  for (const Object& o : model.objects) {
    if (o.id.ns != ns) continue;
    for (const PodTemplate& pod : o.pods) {
      if (labels_match(match_labels, pod.metadata["labels"]))
        out.push_back({&o, &pod});
    }
  }
  return out;
}

}  // namespace launchlint
