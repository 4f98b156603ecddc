#include "linter/model/image_ref.h"

#include <array>

#include <fmt/format.h>

namespace launchlint {

namespace {
constexpr std::array<std::string_view, 14> kMovingTags = {
    "latest", "main",   "master",   "nightly", "edge",    "dev",      "develop",
    "head",   "canary", "unstable", "stable",  "rolling", "snapshot", "next"};
}  // namespace

bool image_has_digest(std::string_view image) {
  return image.find('@') != std::string_view::npos;
}

std::string image_moving_reason(std::string_view image) {
  if (image_has_digest(image)) return {};
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

}  // namespace launchlint
