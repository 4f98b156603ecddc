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
      // Moving tags and missing tags are image-not-pinned's (ROL001).
      if (image_has_digest(image.str()) ||
          !image_moving_reason(image.str()).empty())
        continue;
      out.report(image,
                 fmt::format("{} image \"{}\" is pinned by tag only: a tag "
                             "can be pushed again, so the same manifest may "
                             "pull a different build; pin the digest "
                             "(\"{}@sha256:...\")",
                             pod.describe(c), image.str(), image.str()));
    }
  }
}

}  // namespace

extern const Rule kImageNotPinnedByDigest = {
    {"ROL003", "image-not-pinned-by-digest", Area::Rollout, Severity::Info,
     "A container image is pinned by a version tag but not by digest."},
    check};

}  // namespace launchlint
