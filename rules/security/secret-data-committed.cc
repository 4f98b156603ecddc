#include <string>

#include <fmt/format.h>

#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext&, const Object& object, Reporter& out) {
  if (!object.is("", "Secret")) return;
  for (std::string_view field : {"data", "stringData"}) {
    NodeRef data = object.root[field];
    std::string keys;
    std::size_t count = 0;
    for (std::uint32_t i = 0; i < data.size(); ++i) {
      if (!data.at(i).is_scalar() || data.at(i).str().empty()) continue;
      if (++count <= 3) {
        if (!keys.empty()) keys += ", ";
        keys += data.key_at(i).str();
      }
    }
    if (count == 0) continue;
    if (count > 3) keys += ", ...";
    out.report(data,
               fmt::format("Secret {} commits {} value{} ({}) in the "
                           "manifests: anyone who can read the "
                           "repository or the CI logs has them; create "
                           "it from an external store (External "
                           "Secrets, Sealed Secrets, SOPS) instead",
                           object.id.name, count, count == 1 ? "" : "s", keys));
  }
}

}  // namespace

extern const Rule kSecretDataCommitted = {
    {"SEC012", "secret-data-committed", Area::Security, Severity::Warning,
     "A Secret object carries data in the manifests."},
    check};

}  // namespace launchlint
