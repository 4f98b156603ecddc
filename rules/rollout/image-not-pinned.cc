#include <array>

#include <fmt/format.h>

#include "linter/rules/rule.h"

namespace launchlint {

namespace {

constexpr std::array<std::string_view, 14> kMovingTags = {
    "latest", "main",     "master",   "nightly", "edge",    "dev",  "develop",
    "head",   "canary",   "unstable", "stable",  "rolling", "snapshot", "next"};

// Why `image` cannot be rolled back to, or empty when it is pinned.
std::string moving_reason(std::string_view image) {
  if (image.find('@') != std::string_view::npos) return {};
  std::size_t slash = image.rfind('/');
  std::size_t colon = image.rfind(':');
  if (colon == std::string_view::npos ||
      (slash != std::string_view::npos && colon < slash)) {
    return "has no tag, so it means :latest";
  }
  std::string_view tag = image.substr(colon + 1);
  if (tag.empty()) return "has an empty tag";
  for (std::string_view moving : kMovingTags) {
    if (tag == moving) return fmt::format("uses the moving tag :{}", tag);
  }
  if (tag.ends_with("-latest") || tag.ends_with("-nightly"))
    return fmt::format("uses the moving tag :{}", tag);
  return {};
}

void check(const LintContext&, const Object& object, Reporter& out) {
  for (const PodTemplate& pod : object.pods) {
    for (const Container& c : pod.containers) {
      NodeRef image = c.node["image"];
      if (!image.is_scalar() || image.str().empty()) continue;
      std::string reason = moving_reason(image.str());
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
