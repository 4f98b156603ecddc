#include "linter/rules/registry.h"

#include <array>

#include "linter/rules/custom_rule.h"

namespace launchlint {

#define RULE(symbol) extern const Rule symbol;
#include "rules/rule_list.inc"
#undef RULE

namespace {
constexpr std::array kRules = {
#define RULE(symbol) &symbol,
#include "rules/rule_list.inc"
#undef RULE
};
}  // namespace

std::span<const Rule* const> builtin_rules() { return kRules; }

const Rule* find_rule(std::string_view id_or_name) {
  for (const Rule* r : kRules) {
    if (r->info.id == id_or_name || r->info.name == id_or_name) return r;
  }
  return nullptr;
}

const Rule* find_rule(std::string_view id_or_name, const CustomRules* custom) {
  if (const Rule* r = find_rule(id_or_name)) return r;
  if (!custom) return nullptr;
  const CustomRule* c = custom->find(id_or_name);
  return c ? &c->rule : nullptr;
}

std::vector<const Rule*> all_rules(const CustomRules* custom) {
  std::vector<const Rule*> out(kRules.begin(), kRules.end());
  if (custom) {
    for (const CustomRule& c : custom->rules) out.push_back(&c.rule);
  }
  return out;
}

std::string_view doc_of(const RuleInfo& info) {
  return info.doc.empty() ? rule_doc(info.name) : info.doc;
}

}  // namespace launchlint
