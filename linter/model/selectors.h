#pragma once

#include <string_view>
#include <vector>

#include "linter/model/model.h"
#include "linter/model/object.h"

namespace launchlint {

// Whether every key of the map `match_labels` has the same value in `labels`.
// An empty or missing map matches everything.
bool labels_match(NodeRef match_labels, NodeRef labels);

// One matchExpressions entry (In, NotIn, Exists, DoesNotExist).
bool expression_matches(NodeRef expression, NodeRef labels);

// A metav1.LabelSelector (matchLabels and matchExpressions) against labels.
bool selector_matches(NodeRef selector, NodeRef labels);

struct SelectedPod {
  const Object* object;
  const PodTemplate* pod;
};

// The pod templates in namespace `ns` whose labels carry every label of
// `match_labels` (a Service selector). Empty selector: none.
std::vector<SelectedPod> pods_selected_by(const Model& model,
                                          std::string_view ns,
                                          NodeRef match_labels);

}  // namespace launchlint
