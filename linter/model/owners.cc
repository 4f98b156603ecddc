#include "linter/model/owners.h"

namespace launchlint {

namespace {

Owner pick(const Object& o, const Object* ns, std::string_view key,
           const std::string& fallback) {
  for (const Object* level : {&o, ns}) {
    if (!level) continue;
    std::string_view v = level->annotation(key);
    if (v.empty()) v = level->annotation(kOwnerKey);
    if (!v.empty())
      return {std::string(v), level == &o ? "workload" : "namespace"};
  }
  if (!fallback.empty()) return {fallback, "config"};
  return {};
}

}  // namespace

Owners resolve_owners(const Model& model, const OwnerDefaults& defaults,
                      const Object& workload) {
  const Object* ns = model.find_namespace(workload.id.ns);
  const std::string& rollback =
      defaults.rollback.empty() ? defaults.owner : defaults.rollback;
  const std::string& slo = defaults.slo.empty() ? defaults.owner : defaults.slo;
  Owners out;
  out.rollback = pick(workload, ns, kRollbackOwnerKey, rollback);
  out.slo = pick(workload, ns, kSloOwnerKey, slo);
  out.owner = pick(workload, ns, kOwnerKey, defaults.owner);
  return out;
}

}  // namespace launchlint
