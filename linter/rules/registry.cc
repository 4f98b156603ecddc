#include "linter/rules/registry.h"

#include <array>

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

}  // namespace launchlint
