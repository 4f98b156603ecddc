#include "linter/rules/run.h"

#include <algorithm>
#include <mutex>
#include <tuple>

#include "linter/rules/custom_rule.h"
#include "linter/rules/registry.h"
#include "linter/util/parallel.h"

namespace launchlint {

namespace {

void run_object(const LintContext& context, const Object& object,
                std::vector<Finding>* findings) {
  for (const Rule* rule : builtin_rules()) {
    if (!rule->check) continue;
    Reporter reporter(rule->info, object, findings);
    rule->check(context, object, reporter);
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
  parallel_for((objects.size() + kBlock - 1) / kBlock, jobs,
               [&](std::size_t b) {
                 std::vector<Finding> found;
                 std::size_t end = std::min(objects.size(), (b + 1) * kBlock);
                 for (std::size_t i = b * kBlock; i < end; ++i)
                   run_object(context, objects[i], &found);
                 std::lock_guard<std::mutex> lock(mutex);
                 findings->insert(findings->end(),
                                  std::make_move_iterator(found.begin()),
                                  std::make_move_iterator(found.end()));
               });
}

namespace {

// Every field the output shows, so that equal keys are equal findings and
// the order never depends on the order the threads reported them in.
auto sort_key(const Finding& f) {
  return std::make_tuple(f.location.file_name(), f.location.line,
                         f.location.column, f.rule->id, f.message, f.object.ns,
                         f.object.name, f.object.kind, f.path,
                         f.related.size());
}

}  // namespace

void sort_findings(std::vector<Finding>* findings) {
  // In place: a stable sort would copy every finding into a buffer.
  std::sort(
      findings->begin(), findings->end(),
      [](const Finding& a, const Finding& b) {
        auto ka = sort_key(a), kb = sort_key(b);
        if (ka != kb) return ka < kb;
        return std::lexicographical_compare(
            a.related.begin(), a.related.end(), b.related.begin(),
            b.related.end(), [](const RelatedNote& x, const RelatedNote& y) {
              return std::make_tuple(x.location.file_name(), x.location.line,
                                     x.location.column, x.message) <
                     std::make_tuple(y.location.file_name(), y.location.line,
                                     y.location.column, y.message);
            });
      });
}

}  // namespace launchlint
