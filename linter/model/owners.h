#pragma once

#include <string>

#include "linter/model/model.h"

namespace launchlint {

inline constexpr std::string_view kRollbackOwnerKey =
    "launchlint.io/rollback-owner";
inline constexpr std::string_view kSloOwnerKey = "launchlint.io/slo-owner";
inline constexpr std::string_view kOwnerKey = "launchlint.io/owner";

struct Owner {
  std::string name;    // empty when nobody owns it
  std::string source;  // "workload", "namespace", "config"
};

struct Owners {
  Owner rollback, slo, owner;
};

// The config's defaults for workloads whose annotations name nobody.
struct OwnerDefaults {
  std::string rollback, slo, owner;
};

// Owners of a workload: its annotations, else its namespace's, else the
// config's defaults. `launchlint.io/owner` stands in for a missing rollback
// or SLO owner at the same level.
Owners resolve_owners(const Model& model, const OwnerDefaults& defaults,
                      const Object& workload);

}  // namespace launchlint
