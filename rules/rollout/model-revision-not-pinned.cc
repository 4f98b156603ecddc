#include <fmt/format.h>

#include "linter/model/serving.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

bool moving_revision(std::string_view revision) {
  return revision.empty() || revision == "main" || revision == "master";
}

// KServe's "hf://org/name[:revision]" storage URIs.
void check_storage_uri(NodeRef uri, const Object& object, Reporter& out) {
  std::string_view text = uri.str();
  if (!text.starts_with("hf://")) return;
  std::string_view rest = text.substr(5);
  std::size_t colon = rest.find(':');
  if (colon != std::string_view::npos &&
      !moving_revision(rest.substr(colon + 1)))
    return;
  out.report(uri,
             fmt::format("{} loads \"{}\" from the Hugging Face hub "
                         "without a pinned revision: a new push to the "
                         "repository changes the model on the next pod "
                         "start; pin a commit (\"hf://{}:<commit-sha>\")",
                         object.id.display(), text, rest.substr(0, colon)));
}

void check(const LintContext&, const Object& object, Reporter& out) {
  if (object.group == "serving.kserve.io") {
    NodeRef spec = object.spec();
    check_storage_uri(spec["model"]["uri"], object,
                      out);  // LLMInferenceService
    for (const PodTemplate& pod : object.pods) {
      for (const Container& c : pod.containers) {
        if (c.from_runtime)
          check_storage_uri(c.node["storageUri"], object, out);
      }
    }
  }
  for (const PodTemplate& pod : object.pods) {
    for (const Container& c : pod.containers) {
      if (c.is_init()) continue;
      ServerKind server = container_server(c);
      if (server == ServerKind::None) continue;
      HubModel model = hub_model(c, server);
      if (model.id.empty() || !moving_revision(model.revision)) continue;
      NodeRef at = model.revision.empty() ? model.at : model.revision_at;
      out.report(at.valid() ? at : c.node,
                 fmt::format("{} loads {} from the Hugging Face hub {}: a new "
                             "push to the repository changes the model served "
                             "on the next pod start, and replicas can serve "
                             "different weights; pin a commit with {} "
                             "<commit-sha>",
                             pod.describe(c), model.id,
                             model.revision.empty()
                                 ? std::string("without a revision")
                                 : fmt::format("at the moving revision \"{}\"",
                                               model.revision),
                             model.revision_flag));
    }
  }
}

}  // namespace

extern const Rule kModelRevisionNotPinned = {
    {"ROL011", "model-revision-not-pinned", Area::Rollout, Severity::Warning,
     "A Hugging Face hub model is loaded without a pinned revision."},
    check};

}  // namespace launchlint
