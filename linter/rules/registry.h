#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "linter/rules/rule.h"

namespace launchlint {

// Every built-in rule, in the order of rules/rule_list.inc.
std::span<const Rule* const> builtin_rules();

// A built-in rule by id ("SEC001") or name ("privileged-container").
const Rule* find_rule(std::string_view id_or_name);

// The rule's markdown doc (rules/<area>/<name>.md), embedded at build time.
std::string_view rule_doc(std::string_view name);

// A built-in rule or one of `custom` (may be null) by id or name.
const Rule* find_rule(std::string_view id_or_name, const CustomRules* custom);

// Every built-in rule, then the custom ones.
std::vector<const Rule*> all_rules(const CustomRules* custom);

// A rule's doc: a custom rule's own, else the embedded one.
std::string_view doc_of(const RuleInfo& info);

}  // namespace launchlint
