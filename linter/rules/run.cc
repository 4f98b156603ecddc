#include "linter/rules/run.h"

#include <algorithm>
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

std::vector<Finding> run_rules(const LintContext& context, unsigned jobs) {
  // Blocks of objects in input order, each with its findings, so the result
  // does not depend on which thread ran which block.
  constexpr std::size_t kBlock = 64;
  const std::vector<Object>& objects = context.model.objects;
  std::vector<std::vector<Finding>> found((objects.size() + kBlock - 1) /
                                          kBlock);
  parallel_for(found.size(), jobs, [&](std::size_t b) {
    std::size_t end = std::min(objects.size(), (b + 1) * kBlock);
    for (std::size_t i = b * kBlock; i < end; ++i)
      run_object(context, objects[i], &found[b]);
  });
  std::size_t total = 0;
  for (const auto& block : found) total += block.size();
  std::vector<Finding> findings;
  findings.reserve(total);
  for (auto& block : found) {
    findings.insert(findings.end(), std::make_move_iterator(block.begin()),
                    std::make_move_iterator(block.end()));
    std::vector<Finding>().swap(block);
  }
  sort_findings(&findings);
  return findings;
}

void sort_findings(std::vector<Finding>* findings) {
  std::stable_sort(
      findings->begin(), findings->end(),
      [](const Finding& a, const Finding& b) {
        return std::make_tuple(a.location.file_name(), a.location.line,
                               a.location.column, a.rule->id, a.message) <
               std::make_tuple(b.location.file_name(), b.location.line,
                               b.location.column, b.rule->id, b.message);
      });
}

}  // namespace launchlint
