#pragma once

#include <string>
#include <string_view>

namespace launchlint {

// Why `image` names no fixed build (no tag, an empty tag or a moving tag
// such as :latest or :nightly), or empty when it is pinned by a version tag
// or a digest.
std::string image_moving_reason(std::string_view image);

// Whether `image` is pinned by digest (`repo@sha256:...`).
bool image_has_digest(std::string_view image);

}  // namespace launchlint
