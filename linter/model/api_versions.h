#pragma once

#include <string_view>

namespace launchlint {

// An API version (or one kind of it) that Kubernetes deprecated, and the
// release that removed it.
struct ApiRemoval {
  std::string_view api_version;  // "extensions/v1beta1"
  std::string_view kind;         // "" for every kind of that version
  int deprecated_minor;          // 1.<deprecated_minor> deprecated it
  int removed_minor;             // 1.<removed_minor> stopped serving it;
                                 // 0: deprecated, no removal scheduled
  std::string_view replacement;  // "apps/v1"
};

// The removal entry for an object's apiVersion and kind, or null.
const ApiRemoval* find_api_removal(std::string_view api_version,
                                   std::string_view kind);

// "1.29", "v1.29" or "1.29.3" -> 29; false when not a 1.x version.
bool parse_kube_version(std::string_view text, int* minor);

}  // namespace launchlint
