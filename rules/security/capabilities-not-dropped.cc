#include <fmt/format.h>

#include "linter/rules/rule.h"

namespace launchlint {

namespace {

bool drops_all(NodeRef drop) {
  for (std::uint32_t i = 0; i < drop.size(); ++i) {
    std::string_view cap = drop.at(i).str();
    if (cap == "ALL" || cap == "all" || cap == "All") return true;
  }
  return false;
}

void check(const LintContext&, const Object& object, Reporter& out) {
  for (const PodTemplate& pod : object.pods) {
    for (const Container& c : pod.containers) {
      NodeRef sc = c.node["securityContext"];
      if (sc["privileged"].is_true()) continue;  // privileged-container
      NodeRef caps = sc["capabilities"];
      NodeRef drop = caps["drop"];
      if (drops_all(drop)) continue;
      if (!sc.valid() && c.from_runtime) continue;
      NodeRef at = drop.valid()    ? drop
                   : caps.is_map() ? caps
                   : sc.is_map()   ? sc
                                   : c.node;
      out.report(at, fmt::format("{} keeps the runtime's default Linux "
                                 "capabilities (NET_RAW, CHOWN, SETUID, ...); "
                                 "a model server needs none of them; set "
                                 "securityContext.capabilities.drop: [ALL]",
                                 pod.describe(c)));
    }
  }
}

}  // namespace

extern const Rule kCapabilitiesNotDropped = {
    {"SEC004", "capabilities-not-dropped", Area::Security, Severity::Warning,
     "A container does not drop ALL Linux capabilities."},
    check};

}  // namespace launchlint
