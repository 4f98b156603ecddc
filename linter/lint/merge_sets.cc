#include "linter/lint/merge_sets.h"

#include <map>
#include <tuple>

#include <fmt/format.h>

namespace launchlint {

void merge_runs(LintRun&& other, LintRun* run) {
  for (Object& o : other.model.objects)
    run->model.objects.push_back(std::move(o));
  run->model.stats.documents += other.model.stats.documents;
  run->findings.insert(run->findings.end(),
                       std::make_move_iterator(other.findings.begin()),
                       std::make_move_iterator(other.findings.end()));
  // Every set's accepted exceptions count for the review (it lists each once).
  run->accepted.insert(run->accepted.end(), other.accepted.begin(),
                       other.accepted.end());
}

void merge_duplicate_findings(std::vector<Finding>* findings) {
  using Key = std::tuple<std::string_view, std::string_view, std::uint32_t,
                         std::uint32_t, std::string_view, std::string_view,
                         std::string_view, std::string_view, std::string_view>;
  auto key_of = [](const Finding& f) {
    return Key{f.rule->id,      f.location.file_name(),
               f.location.line, f.location.column,
               f.message,       f.path,
               f.object.kind,   f.object.ns,
               f.object.name};
  };
  std::map<Key, std::size_t> seen;
  std::vector<Finding> out;
  out.reserve(findings->size());  // keys view into `out`: no reallocation
  for (Finding& f : *findings) {
    auto it = seen.find(key_of(f));
    if (it == seen.end()) {
      out.push_back(std::move(f));
      seen.emplace(key_of(out.back()), out.size() - 1);
      continue;
    }
    Finding& kept = out[it->second];
    if (!f.values_set.empty() &&
        fmt::format(", {}, ", kept.values_set)
                .find(fmt::format(", {}, ", f.values_set)) == std::string::npos)
      kept.values_set =
          kept.values_set.empty()
              ? f.values_set
              : kept.keep(fmt::format("{}, {}", kept.values_set, f.values_set));
  }
  *findings = std::move(out);
}

}  // namespace launchlint
