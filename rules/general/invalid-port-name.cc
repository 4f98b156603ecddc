#include <re2/re2.h>

#include <fmt/format.h>

#include "linter/rules/rule.h"

namespace launchlint {

namespace {

// IANA_SVC_NAME: at most 15 lowercase letters, digits and '-', at least one
// letter, no '-' at either end or twice in a row.
bool iana_svc_name(std::string_view name) {
  static const RE2 re("[a-z0-9]+(-[a-z0-9]+)*");
  static const RE2 letter("[a-z]");
  return name.size() <= 15 && RE2::FullMatch(name, re) &&
         RE2::PartialMatch(name, letter);
}

// DNS_LABEL (Service port names): at most 63 lowercase alphanumerics and
// '-', starting and ending alphanumeric.
bool dns_label(std::string_view name) {
  static const RE2 re("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  return name.size() <= 63 && RE2::FullMatch(name, re);
}

// An unrendered template variable (`${PORT_NAME}`, `{{ .name }}`): what it
// becomes is unknown.
bool placeholder(std::string_view name) {
  return name.find("${") != std::string_view::npos ||
         name.find("{{") != std::string_view::npos;
}

void check(const LintContext&, const Object& object, Reporter& out) {
  for (const PodTemplate& pod : object.pods) {
    for (const Container& c : pod.containers) {
      NodeRef ports = c.node["ports"];
      for (std::uint32_t i = 0; i < ports.size(); ++i) {
        NodeRef name = ports.at(i)["name"];
        if (!name.is_scalar() || iana_svc_name(name.str()) ||
            placeholder(name.str()))
          continue;
        out.report(name, fmt::format("{} names a port \"{}\", which is not a "
                                     "valid IANA service name: the API server "
                                     "rejects it; use at most 15 lowercase "
                                     "letters, digits and single dashes, with "
                                     "at least one letter",
                                     pod.describe(c), name.str()));
      }
    }
  }
  if (!object.is("", "Service")) return;
  NodeRef ports = object.spec()["ports"];
  for (std::uint32_t i = 0; i < ports.size(); ++i) {
    NodeRef name = ports.at(i)["name"];
    if (name.is_scalar() && !dns_label(name.str()) &&
        !placeholder(name.str())) {
      out.report(name, fmt::format("Service {} names a port \"{}\", which is "
                                   "not a DNS label: the API server rejects "
                                   "it; use lowercase letters, digits and "
                                   "dashes (at most 63)",
                                   object.id.name, name.str()));
    }
    NodeRef target = ports.at(i)["targetPort"];
    long long n = 0;
    if (target.is_scalar() && !target.as_int(&n) &&
        !iana_svc_name(target.str()) && !placeholder(target.str())) {
      out.report(target, fmt::format("Service {} targets the port name "
                                     "\"{}\", which is not a valid IANA "
                                     "service name, so no container port can "
                                     "carry it; use the container port's "
                                     "valid name or its number",
                                     object.id.name, target.str()));
    }
  }
}

}  // namespace

extern const Rule kInvalidPortName = {
    {"GEN009", "invalid-port-name", Area::General, Severity::Error,
     "A container or Service port name is not a valid IANA service name or "
     "DNS label."},
    check};

}  // namespace launchlint
