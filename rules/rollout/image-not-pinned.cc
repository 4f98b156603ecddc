#include <fmt/format.h>

#include "linter/model/image_ref.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext&, const Object& object, Reporter& out) {
  for (const PodTemplate& pod : object.pods) {
    for (const Container& c : pod.containers) {
      NodeRef image = c.node["image"];
      if (!image.is_scalar() || image.str().empty()) continue;
      std::string reason = image_moving_reason(image.str());
      if (reason.empty()) continue;
      out.report(image,
                 fmt::format("{} image \"{}\" {}: the running version can "
                             "change under you and a rollback may not bring "
                             "the previous one back; pin a version tag or a "
                             "digest",
                             pod.describe(c), image.str(), reason));
    }
  }
}

}  // namespace

extern const Rule kImageNotPinned = {
    {"ROL001", "image-not-pinned", Area::Rollout, Severity::Error,
     "A container image uses :latest, no tag, or a moving tag such as "
     ":main or :nightly."},
    check};

}  // namespace launchlint
