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
  if (object.id.name.empty() || !object.helm_source().empty()) return;
  // Objects of one file are contiguous, in input order: walk back to the
  // start of this object's section.
  const std::vector<Object>& all = context.model.objects;
  auto index = static_cast<std::size_t>(&object - all.data());
  if (index >= all.size()) return;
  const Object* first = nullptr;
  for (std::size_t i = index; i-- > 0;) {
    const Object& other = all[i];
    if (other.document != object.document && other.file() != object.file())
      break;
    if (same_id(other, object)) first = &other;
    if (!other.helm_source().empty()) break;  // the section's first object
  }
  if (!first) return;
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
