#include "linter/rules/run.h"

#include <algorithm>
#include <tuple>

#include "linter/rules/custom_rule.h"
#include "linter/rules/registry.h"

namespace launchlint {

std::vector<Finding> run_rules(const LintContext& context) {
  std::vector<Finding> findings;
  for (const Object& object : context.model.objects) {
    for (const Rule* rule : builtin_rules()) {
      if (!rule->check) continue;
      Reporter reporter(rule->info, object, &findings);
      rule->check(context, object, reporter);
    }
    if (!context.settings.custom_rules) continue;
    for (const CustomRule& rule : context.settings.custom_rules->rules) {
      Reporter reporter(rule.rule.info, object, &findings);
      check_custom_rule(rule, context, object, reporter);
    }
  }
  sort_findings(&findings);
  return findings;
}

void sort_findings(std::vector<Finding>* findings) {
  std::stable_sort(findings->begin(), findings->end(),
                   [](const Finding& a, const Finding& b) {
                     return std::make_tuple(a.location.file_name(),
                                            a.location.line, a.location.column,
                                            a.rule->id, a.message) <
                            std::make_tuple(b.location.file_name(),
                                            b.location.line, b.location.column,
                                            b.rule->id, b.message);
                   });
}

}  // namespace launchlint
