#include "linter/review/exceptions.h"

#include <fnmatch.h>

#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>
#include <re2/re2.h>

#include "linter/model/owners.h"
#include "linter/rules/registry.h"

namespace launchlint {

extern const Rule kInvalidException;
extern const Rule kExceptionExpired;
extern const Rule kUnusedException;

namespace {

bool placeholder_reason(std::string_view reason) {
  static const RE2 kEmpty("\\s*(<[^>]*>|TODO|FIXME|TBD|todo|tbd)?\\s*");
  return RE2::FullMatch(reason, kEmpty);
}

bool glob(const std::string& pattern, std::string_view text, bool fold) {
  if (pattern.empty()) return true;
  return ::fnmatch(pattern.c_str(), std::string(text).c_str(),
                   fold ? FNM_CASEFOLD : 0) == 0;
}

Finding finding_at(const Rule& rule, const Object* object, Location at,
                   std::string message) {
  Finding f;
  f.rule = &rule.info;
  f.severity = rule.info.severity;
  if (object) {
    f.strings = object->document->strings();
    f.object = object->id;
    f.helm_source = f.keep(object->helm_source());
  }
  f.message = f.keep(message);
  f.location = std::move(at);
  return f;
}

// A rule the config turns off: its findings are dropped after exceptions
// apply, so an exception for it accepts nothing and is not stale either.
bool rule_off(const Config& config, const RuleInfo& rule) {
  return !config.rules.empty() && !rule_setting(config, rule).enabled;
}

void suppress(Finding* f, bool by_config, const std::string& reason,
              const std::string& owner, const std::string& expires) {
  f->suppressed = true;
  f->suppressed_by_config = by_config;
  f->suppression_reason = f->keep(reason);
  f->suppression_owner = f->keep(owner);
  f->suppression_expires = f->keep(expires);
}

}  // namespace

void apply_rule_settings(const Config& config, std::vector<Finding>* findings) {
  if (config.rules.empty()) return;
  std::erase_if(*findings, [&](Finding& f) {
    RuleSetting s = rule_setting(config, *f.rule);
    if (s.severity) f.severity = *s.severity;
    return !s.enabled;
  });
}

std::vector<AcceptedException> apply_exceptions(
    const Model& model, const Config& config, long today,
    std::vector<Finding>* findings) {
  std::vector<AcceptedException> accepted;
  std::vector<Finding> added;

  // Findings by object, so each annotation only scans its own object's.
  std::map<std::tuple<std::string_view, std::string_view, std::string_view,
                      std::string_view>,
           std::vector<Finding*>>
      by_object;
  for (Finding& f : *findings) {
    if (f.object.kind.empty() || rule_off(config, *f.rule)) continue;
    by_object[{f.object.api_version, f.object.kind, f.object.ns, f.object.name}]
        .push_back(&f);
  }

  for (const Object& o : model.objects) {
    NodeRef annotations = o.annotations();
    if (!annotations.is_map()) continue;
    bool has_ignore = false;
    for (std::uint32_t i = 0; i < annotations.size(); ++i)
      has_ignore |= annotations.key_at(i).str().starts_with(kIgnorePrefix);
    if (!has_ignore) continue;

    std::string expires(o.annotation(kExceptionExpiresKey));
    // Without an exception owner, the team that owns the object's
    // follow-ups (launchlint.io/owner, its namespace's, the config's).
    std::string owner(o.annotation(kExceptionOwnerKey));
    if (owner.empty()) {
      OwnerDefaults defaults{config.rollback_owner, config.slo_owner,
                             config.owner};
      owner = resolve_owners(model, defaults, o).owner.name;
    }
    bool expired = false;
    if (!expires.empty()) {
      std::optional<long> day = parse_date(expires);
      NodeRef at = annotations[kExceptionExpiresKey];
      if (!day) {
        added.push_back(finding_at(
            kInvalidException, &o, location_of(at),
            fmt::format("{} \"{}\" is not a date (YYYY-MM-DD); the exceptions "
                        "of {} do not apply until it is fixed",
                        kExceptionExpiresKey, expires, o.id.display())));
        expired = true;
      } else if (*day < today) {
        added.push_back(finding_at(
            kExceptionExpired, &o, location_of(at),
            fmt::format("the exceptions of {} expired on {}: their findings "
                        "are reported again; fix them or renew the "
                        "exception with a new date and reason",
                        o.id.display(), expires)));
        expired = true;
      }
    }
    auto it = by_object.find({o.id.api_version, o.id.kind, o.id.ns, o.id.name});
    for (std::uint32_t i = 0; i < annotations.size(); ++i) {
      NodeRef key = annotations.key_at(i);
      if (!key.str().starts_with(kIgnorePrefix)) continue;
      std::string_view rule_name = key.str().substr(kIgnorePrefix.size());
      std::string reason(annotations.at(i).str());
      const Rule* rule = find_rule(rule_name, config.custom_rules.get());
      if (!rule) {
        added.push_back(finding_at(
            kInvalidException, &o, location_of(key),
            fmt::format("\"{}\" names no rule: this exception suppresses "
                        "nothing; `launchlint rules` lists rule ids and names",
                        key.str())));
        continue;
      }
      if (placeholder_reason(reason)) {
        added.push_back(finding_at(
            kInvalidException, &o, location_of(annotations.at(i)),
            fmt::format("the exception for {} on {} has no reason, so it does "
                        "not apply; write why the risk is accepted",
                        rule->info.id, o.id.display())));
        continue;
      }
      if (expired || rule_off(config, rule->info)) continue;
      bool used = false;
      if (it != by_object.end()) {
        for (Finding* f : it->second) {
          if (f->rule != &rule->info || f->suppressed) continue;
          suppress(f, false, reason, owner, expires);
          used = true;
        }
      }
      if (used) {
        accepted.push_back({std::string(rule->info.id), o.id, reason, owner,
                            expires, false, location_of(key)});
      } else {
        added.push_back(finding_at(
            kUnusedException, &o, location_of(key),
            fmt::format("the exception for {} on {} suppresses nothing: the "
                        "rule reports no finding on this object; remove the "
                        "annotation",
                        rule->info.id, o.id.display())));
      }
    }
  }

  for (const ConfigException& e : config.exceptions) {
    const Rule* rule = find_rule(e.rule, config.custom_rules.get());
    if (!rule) continue;  // reported when the config was loaded
    if (rule_off(config, rule->info)) continue;
    if (placeholder_reason(e.reason)) {
      added.push_back(finding_at(
          kInvalidException, nullptr, e.location,
          fmt::format("the exception for {} has no reason (\"{}\"), so it "
                      "does not apply; write why the risk is accepted",
                      rule->info.id, e.reason)));
      continue;
    }
    if (!e.expires.empty()) {
      std::optional<long> day = parse_date(e.expires);
      if (day && *day < today) {
        added.push_back(finding_at(
            kExceptionExpired, nullptr, e.location,
            fmt::format("the exception for {} expired on {}: its findings are "
                        "reported again; fix them or renew the exception",
                        rule->info.id, e.expires)));
        continue;
      }
    }
    std::vector<ObjectId> matched;
    for (Finding& f : *findings) {
      if (f.rule != &rule->info || f.suppressed || f.object.kind.empty())
        continue;
      if (!glob(e.kind, f.object.kind, true) ||
          !glob(e.ns, f.object.ns, false) ||
          !glob(e.name, f.object.name, false))
        continue;
      suppress(&f, true, e.reason, e.owner, e.expires);
      if (std::find(matched.begin(), matched.end(), f.object) == matched.end())
        matched.push_back(f.object);
    }
    if (matched.empty()) {
      added.push_back(finding_at(
          kUnusedException, nullptr, e.location,
          fmt::format("the exception for {} matches no finding (stale): "
                      "remove it from the config",
                      rule->info.id)));
    }
    for (const ObjectId& id : matched) {
      accepted.push_back({std::string(rule->info.id), id, e.reason, e.owner,
                          e.expires, true, e.location});
    }
  }
  findings->insert(findings->end(), std::make_move_iterator(added.begin()),
                   std::make_move_iterator(added.end()));
  return accepted;
}

}  // namespace launchlint
