#include "linter/rules/rule.h"

#include <array>

#include <fmt/format.h>

namespace launchlint {

namespace {
constexpr std::array<std::string_view, 6> kAreas = {
    "security", "scheduling", "rollout", "observability", "cost", "general"};
constexpr std::array<std::string_view, 3> kSeverities = {"info", "warning",
                                                         "error"};
}  // namespace

std::string_view to_string(Area area) {
  return kAreas[static_cast<std::size_t>(area)];
}

std::string_view to_string(Severity severity) {
  return kSeverities[static_cast<std::size_t>(severity)];
}

bool parse_area(std::string_view text, Area* area) {
  for (std::size_t i = 0; i < kAreas.size(); ++i) {
    if (kAreas[i] == text) {
      *area = static_cast<Area>(i);
      return true;
    }
  }
  return false;
}

bool parse_severity(std::string_view text, Severity* severity) {
  for (std::size_t i = 0; i < kSeverities.size(); ++i) {
    if (kSeverities[i] == text) {
      *severity = static_cast<Severity>(i);
      return true;
    }
  }
  return false;
}

std::string_view Finding::keep(std::string_view text) {
  if (!strings) strings = std::make_shared<StringPool>();
  return strings->get(strings->intern(text));
}

void Reporter::report(NodeRef at, std::string message,
                      std::vector<RelatedLocation> related) {
  if (!at.valid()) at = object_.root;
  Finding f;
  if (object_.document) f.strings = object_.document->strings();
  if (at.document()) f.path = f.keep(at.document()->path_of(at));
  // A block mapping or sequence starts at its first entry; point at its key.
  if ((at.is_map() || at.is_seq()) && at.document()) {
    NodeRef key = at.document()->key_of(at);
    if (key.valid()) at = key;
  }
  f.rule = &rule_;
  f.severity = rule_.severity;
  f.message = f.keep(message);
  f.object = object_.id;
  f.location = location_of(at);
  f.helm_source = f.keep(object_.helm_source());
  if (related.size() > kMaxRelated) {
    // A namespace of hundreds of policies or quotas would list them all on
    // every finding: name the first few, count the rest.
    std::size_t hidden = related.size() - kMaxRelated;
    related.resize(kMaxRelated);
    related.back().message += fmt::format(" (and {} more like it)", hidden);
  }
  f.related.reserve(related.size());
  for (RelatedLocation& r : related) f.relate(std::move(r.location), r.message);
  out_->push_back(std::move(f));
}

}  // namespace launchlint
