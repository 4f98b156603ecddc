#include <fmt/format.h>

#include "linter/rules/rule.h"

namespace launchlint {

namespace {

bool same(const Object& a, const Object& b) {
  return a.id.name == b.id.name && a.id.kind == b.id.kind &&
         a.group == b.group && a.id.ns == b.id.ns && a.file() == b.file();
}

void check(const LintContext& context, const Object& object, Reporter& out) {
  if (object.id.name.empty()) return;
  for (const Object& other : context.model.objects) {
    if (&other == &object) return;  // only objects before this one
    if (!same(other, object)) continue;
    NodeRef name = object.metadata["name"];
    out.report(name.valid() ? name : object.root,
               fmt::format("{} is defined twice in this file (first at line "
                           "{}): the second apply silently replaces the "
                           "first; remove one or rename it",
                           object.id.display(), other.root.line()),
               {{location_of(other.metadata["name"].valid()
                                 ? other.metadata["name"]
                                 : other.root),
                 "first definition"}});
    return;
  }
}

}  // namespace

extern const Rule kDuplicateObject = {
    {"GEN005", "duplicate-object", Area::General, Severity::Error,
     "The same object (kind, namespace, name) is defined twice in one file."},
    check};

}  // namespace launchlint
