#include "linter/rules/run.h"

#include <algorithm>
#include <mutex>
#include <tuple>
#include <vector>

#include "linter/rules/custom_rule.h"
#include "linter/rules/registry.h"
#include "linter/util/parallel.h"
#include "linter/util/timing.h"

namespace launchlint {

namespace {

void run_object(const LintContext& context, const Object& object,
                std::vector<Finding>* findings, std::vector<double>* times) {
  std::span<const Rule* const> rules = builtin_rules();
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const Rule* rule = rules[i];
    if (!rule->check) continue;
    Reporter reporter(rule->info, object, findings);
    if (!times) {
      rule->check(context, object, reporter);
      continue;
    }
    double start = thread_cpu_seconds();
    rule->check(context, object, reporter);
    (*times)[i] += thread_cpu_seconds() - start;
  }
  if (!context.settings.custom_rules) return;
  for (const CustomRule& rule : context.settings.custom_rules->rules) {
    Reporter reporter(rule.rule.info, object, findings);
    check_custom_rule(rule, context, object, reporter);
  }
}

}  // namespace

void run_rules(const LintContext& context, unsigned jobs,
               std::vector<Finding>* findings) {
  constexpr std::size_t kBlock = 64;
  const std::vector<Object>& objects = context.model.objects;
  // Room for a typical number of findings per object: capacity that is never
  // written costs address space, not memory, and spares the copy a growing
  // vector would make of every finding.
  findings->reserve(findings->size() + 8 * objects.size());
  std::mutex mutex;
  bool timed = timing_enabled();
  parallel_for(
      (objects.size() + kBlock - 1) / kBlock, jobs, [&](std::size_t b) {
        std::vector<Finding> found;
        std::vector<double> times(timed ? builtin_rules().size() : 0);
        std::size_t end = std::min(objects.size(), (b + 1) * kBlock);
        for (std::size_t i = b * kBlock; i < end; ++i)
          run_object(context, objects[i], &found, timed ? &times : nullptr);
        for (std::size_t r = 0; r < times.size(); ++r)
          add_rule_time(builtin_rules()[r]->info.id, times[r]);
        std::lock_guard<std::mutex> lock(mutex);
        findings->insert(findings->end(),
                         std::make_move_iterator(found.begin()),
                         std::make_move_iterator(found.end()));
      });
}

namespace {

// Files compare by name; the same file is one shared name, so most
// comparisons stop at the pointer.
int compare_files(const Location& a, const Location& b) {
  if (a.file == b.file) return 0;
  return a.file_name().compare(b.file_name());
}

bool related_less(const RelatedNote& x, const RelatedNote& y) {
  if (int c = compare_files(x.location, y.location)) return c < 0;
  return std::tie(x.location.line, x.location.column, x.message) <
         std::tie(y.location.line, y.location.column, y.message);
}

// Every field the output shows, so that equal keys are equal findings and
// the order never depends on the order the threads reported them in.
bool finding_less(const Finding& a, const Finding& b) {
  if (int c = compare_files(a.location, b.location)) return c < 0;
  auto ka = std::tie(a.location.line, a.location.column, a.rule->id, a.message,
                     a.object.ns, a.object.name, a.object.kind, a.path);
  auto kb = std::tie(b.location.line, b.location.column, b.rule->id, b.message,
                     b.object.ns, b.object.name, b.object.kind, b.path);
  if (ka != kb) return ka < kb;
  return std::lexicographical_compare(a.related.begin(), a.related.end(),
                                      b.related.begin(), b.related.end(),
                                      related_less);
}

}  // namespace

void sort_findings(std::vector<Finding>* findings) {
  // Sorts positions, then moves each finding once, in place: sorting the
  // findings themselves would move them O(n log n) times.
  std::vector<Finding>& f = *findings;
  std::vector<std::uint32_t> order(f.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return finding_less(f[a], f[b]);
  });
  // Position i takes the finding at order[i]; each cycle of the permutation
  // is walked once, with one finding held aside.
  for (std::uint32_t i = 0; i < order.size(); ++i) {
    if (order[i] == i) continue;
    Finding held = std::move(f[i]);
    std::uint32_t j = i;
    while (order[j] != i) {
      std::uint32_t next = order[j];
      f[j] = std::move(f[next]);
      order[j] = j;
      j = next;
    }
    f[j] = std::move(held);
    order[j] = j;
  }
}

}  // namespace launchlint
