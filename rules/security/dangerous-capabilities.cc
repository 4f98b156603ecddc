#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "linter/rules/rule.h"

namespace launchlint {

namespace {

constexpr std::array<std::string_view, 14> kDangerous = {
    "ALL",       "SYS_ADMIN",    "NET_ADMIN",       "SYS_PTRACE", "SYS_MODULE",
    "SYS_RAWIO", "SYS_BOOT",     "DAC_READ_SEARCH", "BPF",        "PERFMON",
    "MAC_ADMIN", "MAC_OVERRIDE", "SYS_TIME",        "NET_RAW"};

void check(const LintContext&, const Object& object, Reporter& out) {
  for (const PodTemplate& pod : object.pods) {
    for (const Container& c : pod.containers) {
      NodeRef sc = c.node["securityContext"];
      if (sc["privileged"].is_true()) continue;  // privileged-container
      NodeRef add = sc["capabilities"]["add"];
      for (std::uint32_t i = 0; i < add.size(); ++i) {
        std::string_view cap = add.at(i).str();
        if (cap.starts_with("CAP_")) cap.remove_prefix(4);
        if (std::find(kDangerous.begin(), kDangerous.end(), cap) ==
            kDangerous.end())
          continue;
        out.report(add.at(i),
                   fmt::format("{} adds the capability {}, which lets a "
                               "compromised process reach the node or its "
                               "network; remove it from capabilities.add",
                               pod.describe(c), cap));
      }
    }
  }
}

}  // namespace

extern const Rule kDangerousCapabilities = {
    {"SEC005", "dangerous-capabilities", Area::Security, Severity::Error,
     "A container adds a dangerous Linux capability such as SYS_ADMIN or "
     "NET_ADMIN."},
    check};

}  // namespace launchlint
