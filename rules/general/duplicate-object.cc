#include <string_view>

#include <fmt/format.h>

#include "linter/rules/rule.h"

namespace launchlint {

namespace {

bool same_id(const Object& a, const Object& b) {
  return a.id.name == b.id.name && a.id.kind == b.id.kind &&
         a.group == b.group && a.id.ns == b.id.ns;
}

// Concatenated inputs (helm template output, kustomize builds of several
// overlays, folders joined into one file) mark where each original file
// starts with a `# Source:` comment; an object belongs to the section of
// the nearest such comment above it. Two definitions only clash inside one
// file and one section.
void check(const LintContext& context, const Object& object, Reporter& out) {
  if (object.id.name.empty()) return;
  std::string_view section;
  const Object* first = nullptr;
  std::string_view first_section;
  for (const Object& other : context.model.objects) {
    if (other.file() != object.file()) continue;
    if (!other.helm_source().empty()) section = other.helm_source();
    if (&other == &object) break;
    if (first && first_section != section) first = nullptr;
    if (!first && same_id(other, object)) {
      first = &other;
      first_section = section;
    }
  }
  if (!first || first_section != section) return;
  NodeRef name = object.metadata["name"];
  NodeRef first_name = first->metadata["name"];
  out.report(name.valid() ? name : object.root,
             fmt::format("{} is defined twice (first at line {}): the second "
                         "apply silently replaces the first; remove one or "
                         "rename it",
                         object.id.display(), first->root.line()),
             {{location_of(first_name.valid() ? first_name : first->root),
               "first definition"}});
}

}  // namespace

extern const Rule kDuplicateObject = {
    {"GEN005", "duplicate-object", Area::General, Severity::Error,
     "The same object (kind, namespace, name) is defined twice in one file."},
    check};

}  // namespace launchlint
