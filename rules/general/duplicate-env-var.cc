#include <fmt/format.h>

#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext&, const Object& object, Reporter& out) {
  for (const PodTemplate& pod : object.pods) {
    for (const Container& c : pod.containers) {
      NodeRef env = c.node["env"];
      for (std::uint32_t i = 1; i < env.size(); ++i) {
        NodeRef name = env.at(i)["name"];
        if (!name.is_scalar()) continue;
        for (std::uint32_t j = 0; j < i; ++j) {
          NodeRef first = env.at(j)["name"];
          if (first.str() != name.str()) continue;
          out.report(name,
                     fmt::format("{} sets env {} twice (first at line {}): "
                                 "only the last value takes effect; remove "
                                 "one",
                                 pod.describe(c), name.str(), first.line()),
                     {{location_of(first), "first definition"}});
          break;
        }
      }
    }
  }
}

}  // namespace

extern const Rule kDuplicateEnvVar = {
    {"GEN008", "duplicate-env-var", Area::General, Severity::Warning,
     "A container sets the same environment variable twice."},
    check};

}  // namespace launchlint
