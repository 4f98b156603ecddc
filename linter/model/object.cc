#include "linter/model/object.h"

#include <fmt/format.h>

namespace launchlint {

Location location_of(NodeRef node) {
  Location loc;
  if (!node.valid()) return loc;
  loc.file = node.document()->file;
  loc.line = node.line();
  loc.column = node.column();
  return loc;
}

std::string ObjectId::display() const {
  if (ns.empty()) return fmt::format("{}/{}", kind, name);
  return fmt::format("{} {}/{}", kind, ns, name);
}

NodeRef PodTemplate::security_field(const Container& c,
                                    std::string_view field) const {
  NodeRef own = c.node["securityContext"][field];
  if (own.valid() && !own.is_null()) return own;
  NodeRef pod = spec["securityContext"][field];
  if (pod.valid() && !pod.is_null()) return pod;
  return {};
}

std::string PodTemplate::describe(const Container& c) const {
  std::string_view name = c.name();
  std::string what =
      c.is_init() ? "init container" : c.kind == ContainerKind::Sidecar
                                           ? "sidecar container"
                                           : "container";
  std::string out = name.empty() ? fmt::format("{} at line {}", what, c.node.line())
                                 : fmt::format("{} \"{}\"", what, name);
  if (!role.empty()) out += fmt::format(" ({})", role);
  return out;
}

bool Object::is_batch() const {
  return (group == "batch" && (id.kind == "Job" || id.kind == "CronJob")) ||
         (group == "ray.io" && id.kind == "RayJob");
}

const std::string& Object::file() const {
  static const std::string kNone;
  return document && document->file ? *document->file : kNone;
}

std::string_view Object::helm_source() const {
  return document ? std::string_view(document->helm_source)
                  : std::string_view();
}

long long Object::replicas() const {
  long long n = 1;
  if (spec()["replicas"].as_int(&n)) return n;
  return 1;
}

}  // namespace launchlint
