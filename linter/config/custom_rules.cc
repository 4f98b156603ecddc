#include "linter/config/custom_rules.h"

#include <fmt/format.h>

#include "linter/model/quantity.h"
#include "linter/rules/registry.h"

namespace launchlint {

namespace {

constexpr std::string_view kPlaceholders[] = {"value", "path", "kind", "name",
                                              "namespace"};

void error_at(NodeRef node, std::string message,
              std::vector<ConfigError>* errors) {
  errors->push_back({location_of(node), "customRules: " + std::move(message)});
}

// A message's `{word}` that is not a placeholder; empty when all are known.
std::string unknown_placeholder(std::string_view text) {
  for (std::size_t i = 0; (i = text.find('{', i)) != std::string_view::npos;
       ++i) {
    std::size_t close = text.find('}', i);
    if (close == std::string_view::npos) break;
    std::string_view word = text.substr(i + 1, close - i - 1);
    bool identifier = !word.empty();
    for (char c : word)
      identifier &= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!identifier) continue;
    bool known = false;
    for (std::string_view p : kPlaceholders) known |= p == word;
    if (!known) return std::string(word);
  }
  return {};
}

bool read_quantity(NodeRef node, std::optional<double>* out, std::string* text,
                   std::vector<ConfigError>* errors) {
  if (!node.valid()) return true;
  double v = 0;
  if (!parse_quantity(node.str(), &v)) {
    error_at(node,
             fmt::format("\"{}\" is not a number or Kubernetes quantity "
                         "(8, 0.5, 500m, 1Gi)",
                         node.str()),
             errors);
    return false;
  }
  *out = v;
  *text = std::string(node.str());
  return true;
}

std::shared_ptr<const RE2> read_pattern(NodeRef node, std::string_view key,
                                        std::vector<ConfigError>* errors) {
  if (!node.valid()) return nullptr;
  RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_shared<const RE2>(node.str(), options);
  if (!re->ok()) {
    error_at(node,
             fmt::format("{}: \"{}\" is not a valid re2 pattern: {}", key,
                         node.str(), re->error()),
             errors);
    return nullptr;
  }
  return re;
}

void read_check(NodeRef entry, CustomCheck* c,
                std::vector<ConfigError>* errors) {
  NodeRef check = entry["check"];
  NodeRef path = check["path"];
  std::string why;
  std::size_t offset = 0;
  if (!parse_custom_path(path.str(), &c->path, &why, &offset)) {
    error_at(path,
             fmt::format("path \"{}\": {} (at character {})", path.str(), why,
                         offset + 1),
             errors);
  }
  if (check["exists"].valid()) c->exists = check["exists"].is_true();
  if (check["equals"].valid()) c->equals = comparable_text(check["equals"]);
  NodeRef in = check["in"];
  if (in.valid()) {
    c->has_in = true;
    for (std::uint32_t i = 0; i < in.size(); ++i)
      c->in.push_back(comparable_text(in.at(i)));
  }
  c->matches = read_pattern(check["matches"], "matches", errors);
  c->not_matches = read_pattern(check["notMatches"], "notMatches", errors);
  read_quantity(check["min"], &c->min, &c->min_text, errors);
  read_quantity(check["max"], &c->max, &c->max_text, errors);
  NodeRef sum = check["sum"];
  c->sum = sum.is_true();
  if (c->sum && !check["min"].valid() && !check["max"].valid()) {
    error_at(check.key_node("sum"), "sum: give min or max for the sum", errors);
  }
  if (c->sum && (c->equals || c->has_in || check["matches"].valid() ||
                 check["notMatches"].valid())) {
    error_at(check.key_node("sum"),
             "sum: only min and max apply to a sum; put equals, in, matches "
             "and notMatches in a rule of their own",
             errors);
  }
  bool any = false;
  for (std::string_view key :
       {"exists", "equals", "in", "matches", "notMatches", "min", "max"}) {
    any |= check[key].valid();
    if (c->exists == false && key != "exists" && check[key].valid()) {
      error_at(check.key_node(key),
               fmt::format("{}: with exists: false the path must select "
                           "nothing, so {} never applies; put it in a rule of "
                           "its own",
                           key, key),
               errors);
    }
  }
  if (!any) {
    error_at(entry.key_node("check"),
             "check: no condition; give one or more of exists, equals, in, "
             "matches, notMatches, min, max",
             errors);
  }
}

void read_match(NodeRef match, CustomMatch* m) {
  for (std::uint32_t i = 0; i < match["kinds"].size(); ++i)
    m->kinds.emplace_back(match["kinds"].at(i).str());
  for (std::uint32_t i = 0; i < match["namespaces"].size(); ++i)
    m->namespaces.emplace_back(match["namespaces"].at(i).str());
  if (match["labels"].valid()) {
    m->labels = parse_map_selector(match["labels"]);
    m->labels->node = NodeRef();  // the config document may go first
  }
  if (match["modelServers"].valid())
    m->model_servers = match["modelServers"].is_true();
  if (match["gpu"].valid()) m->gpu = match["gpu"].is_true();
}

// Where an id or name is already taken; empty when it is free.
std::string taken(std::string_view word, const CustomRules& earlier) {
  Area area;
  if (parse_area(word, &area)) return "an area's name";
  if (const Rule* r = find_rule(word))
    return fmt::format("taken by the built-in rule {} ({})", r->info.id,
                       r->info.name);
  if (const CustomRule* c = earlier.find(word))
    return fmt::format("taken by the custom rule {} ({})", c->id, c->name);
  return {};
}

}  // namespace

std::shared_ptr<const CustomRules> compile_custom_rules(
    NodeRef list, const std::string& source, std::vector<ConfigError>* errors) {
  auto out = std::make_shared<CustomRules>();
  for (std::uint32_t i = 0; i < list.size(); ++i) {
    NodeRef entry = list.at(i);
    CustomRule rule;
    rule.id = std::string(entry["id"].str());
    rule.name = std::string(entry["name"].str());
    rule.summary = std::string(entry["summary"].str());
    rule.message = std::string(entry["message"].str());
    rule.source = source;
    for (std::string_view key : {"id", "name"}) {
      std::string clash = taken(entry[key].str(), *out);
      if (!clash.empty()) {
        error_at(entry[key],
                 fmt::format("{} \"{}\" is {}; custom rules need their own",
                             key, entry[key].str(), clash),
                 errors);
      }
    }
    Area area = Area::General;
    parse_area(entry["area"].str(), &area);
    Severity severity = Severity::Warning;
    parse_severity(entry["severity"].str(), &severity);
    read_match(entry["match"], &rule.match);
    read_check(entry, &rule.check, errors);
    std::string unknown = unknown_placeholder(rule.message);
    if (!unknown.empty()) {
      error_at(
          entry["message"],
          fmt::format("message: unknown placeholder {{{}}}; use {{value}}, "
                      "{{path}}, {{kind}}, {{name}} or {{namespace}}",
                      unknown),
          errors);
    }
    CustomRule& kept = out->rules.emplace_back(std::move(rule));
    kept.doc = custom_rule_doc(kept, entry["doc"].str());
    kept.rule.info = {kept.id,      kept.name, area,       severity,
                      kept.summary, kept.doc,  kept.source};
    kept.rule.check = nullptr;  // run by check_custom_rule
  }
  return out;
}

}  // namespace launchlint
