#pragma once

#include <string_view>

namespace launchlint {

// Whether a kind of a built-in or well-known API group is cluster-scoped.
// Custom kinds are namespaced unless a loaded CRD says otherwise.
bool is_cluster_scoped_kind(std::string_view group, std::string_view kind);

// For the tests: the lookup table is sorted.
bool cluster_scoped_table_sorted();

// Splits "apps/v1" into group "apps" and version "v1" ("v1": group "").
void split_api_version(std::string_view api_version, std::string_view* group,
                       std::string_view* version);

}  // namespace launchlint
