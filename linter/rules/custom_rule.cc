#include "linter/rules/custom_rule.h"

#include <fnmatch.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "linter/model/quantity.h"
#include "linter/model/serving.h"

namespace launchlint {

namespace {

struct Selected {
  NodeRef node;
  std::string path;
};

struct Walk {
  const std::vector<CustomPathStep>& steps;
  std::vector<Selected> selected;
  std::vector<Selected> missing;  // nearest existing parent, missing path

  std::string rest(std::string path, std::size_t from) const {
    for (std::size_t i = from; i < steps.size(); ++i)
      path += path_step_text(steps[i], path.empty());
    return path;
  }

  void go(NodeRef node, const std::string& path, std::size_t i) {
    if (node.is_null()) {
      missing.push_back({node, rest(path, i)});
      return;
    }
    if (i == steps.size()) {
      selected.push_back({node, path});
      return;
    }
    const CustomPathStep& s = steps[i];
    switch (s.kind) {
      case CustomPathStep::Kind::Key: {
        NodeRef child = node.is_map() ? node[s.key] : NodeRef();
        if (!child.valid()) {
          missing.push_back({node, rest(path, i)});
        } else {
          go(child, path + path_step_text(s, path.empty()), i + 1);
        }
        return;
      }
      case CustomPathStep::Kind::Index:
        if (!node.is_seq() || s.index >= node.size()) {
          missing.push_back({node, rest(path, i)});
        } else {
          go(node.at(s.index), path + path_step_text(s, false), i + 1);
        }
        return;
      case CustomPathStep::Kind::Each:
        // Every element of a list, every value of a map; nothing in a
        // scalar or an empty one.
        if (!(node.is_seq() || node.is_map()) || node.size() == 0) {
          missing.push_back({node, rest(path, i)});
          return;
        }
        for (std::uint32_t n = 0; n < node.size(); ++n) {
          std::string step =
              node.is_seq() ? fmt::format("[{}]", n)
                            : path_step_text({CustomPathStep::Kind::Key,
                                              std::string(node.key_at(n).str()),
                                              {},
                                              0},
                                             path.empty());
          go(node.at(n), path + step, i + 1);
        }
        return;
      case CustomPathStep::Kind::Where: {
        bool found = false;
        for (std::uint32_t n = 0; node.is_seq() && n < node.size(); ++n) {
          NodeRef field = node.at(n)[s.key];
          if (!field.is_scalar() || field.str() != s.value) continue;
          found = true;
          go(node.at(n), path + fmt::format("[{}]", n), i + 1);
        }
        if (!found) missing.push_back({node, rest(path, i)});
        return;
      }
    }
  }
};

// A value as messages show it: on one line, and not a page long (a script
// in `args` is shown by its first line).
std::string value_text(NodeRef node) {
  if (node.is_map()) return "a map";
  if (node.is_seq()) return "a list";
  if (node.is_null()) return "(none)";
  constexpr std::size_t kMax = 256;  // long enough for any image reference
  std::string_view v = node.str();
  while (!v.empty() && (v.back() == '\n' || v.back() == '\r'))
    v.remove_suffix(1);  // a block scalar's last line break
  std::size_t end = std::min(v.find_first_of("\r\n"), kMax);
  if (end >= v.size()) return std::string(v);
  return std::string(v.substr(0, end)) + "...";
}

std::string in_list(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : ", ") + v;
  return "[" + out + "]";
}

// Why `node` fails the check's value conditions; empty when it passes.
std::string failure(const CustomCheck& c, NodeRef node) {
  bool scalar_conditions = c.equals || c.has_in || c.matches || c.not_matches ||
                           ((c.min || c.max) && !c.sum);
  if (!scalar_conditions) return {};
  if (!node.is_scalar())
    return fmt::format("is {}, not a single value", value_text(node));
  std::string_view v = node.str();
  std::string comparable = comparable_text(node);
  if (c.equals && comparable != *c.equals)
    return fmt::format("is not \"{}\"", *c.equals);
  if (c.has_in && std::find(c.in.begin(), c.in.end(), comparable) == c.in.end())
    return fmt::format("is not one of {}", in_list(c.in));
  if (c.matches && !RE2::PartialMatch(v, *c.matches))
    return fmt::format("does not match `{}`", c.matches->pattern());
  if (c.not_matches && RE2::PartialMatch(v, *c.not_matches))
    return fmt::format("matches `{}`", c.not_matches->pattern());
  if ((c.min || c.max) && !c.sum) {
    double number = 0;
    if (!parse_quantity(v, &number)) return "is not a number or quantity";
    if (c.min && number < *c.min)
      return fmt::format("is below the minimum {}", c.min_text);
    if (c.max && number > *c.max)
      return fmt::format("is above the maximum {}", c.max_text);
  }
  return {};
}

// `total` in the unit `bound` is written in: 10Gi, not 10737418240, for a
// bound of 8Gi; "1.5" rather than "1.500000".
std::string total_text(double total, std::string_view bound) {
  std::string_view suffix = bound.substr(bound.find_last_of("0123456789.") + 1);
  double scale = 1;
  if (suffix.empty() || !parse_quantity(fmt::format("1{}", suffix), &scale))
    suffix = {}, scale = 1;
  return fmt::format("{}{}", std::round(total / scale * 1000) / 1000, suffix);
}

std::string expand(const CustomRule& rule, const Object& object,
                   const std::string& path, const std::string& value) {
  const std::string& t = rule.message;
  std::string out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '{') {
      std::size_t close = t.find('}', i);
      if (close != std::string::npos) {
        std::string_view name =
            std::string_view(t).substr(i + 1, close - i - 1);
        std::optional<std::string_view> with;
        if (name == "value") with = value;
        if (name == "path") with = path;
        if (name == "kind") with = object.id.kind;
        if (name == "name") with = object.id.name;
        if (name == "namespace") with = object.id.ns;
        if (with) {
          out += *with;
          i = close;
          continue;
        }
      }
    }
    out.push_back(t[i]);
  }
  return out;
}

}  // namespace

std::string comparable_text(NodeRef scalar) {
  if (!scalar.quoted()) {
    if (scalar.as_bool(false)) return "true";
    if (!scalar.as_bool(true)) return "false";
  }
  return std::string(scalar.str());
}

const CustomRule* CustomRules::find(std::string_view id_or_name) const {
  for (const CustomRule& r : rules) {
    if (r.id == id_or_name || r.name == id_or_name) return &r;
  }
  return nullptr;
}

bool custom_rule_matches(const CustomRule& rule, const Object& object) {
  const CustomMatch& m = rule.match;
  if (!m.kinds.empty() && std::find(m.kinds.begin(), m.kinds.end(),
                                    object.id.kind) == m.kinds.end())
    return false;
  if (!m.namespaces.empty()) {
    if (object.id.ns.empty()) return false;
    bool any = std::any_of(
        m.namespaces.begin(), m.namespaces.end(), [&](const std::string& g) {
          return ::fnmatch(g.c_str(), std::string(object.id.ns).c_str(), 0) ==
                 0;
        });
    if (!any) return false;
  }
  if (m.labels && !m.labels->matches(LabelSet::from_node(object.labels())))
    return false;
  if (m.model_servers && is_model_server(object) != *m.model_servers)
    return false;
  if (m.gpu && uses_accelerators(object) != *m.gpu) return false;
  if (rule.check.path.root != CustomPath::Root::Object && object.pods.empty())
    return false;
  return true;
}

namespace {

// `sum`: min and max on the total of the values one walk selected, reported
// at the walk's start (the pod spec, the container or the object).
void check_sum(const CustomRule& rule, const Object& object, const Walk& walk,
               NodeRef start, const std::string& start_path,
               Reporter& reporter) {
  const CustomCheck& c = rule.check;
  double total = 0;
  for (const Selected& s : walk.selected) {
    double v = 0;
    if (!s.node.is_scalar() || !parse_quantity(s.node.str(), &v)) {
      std::string value = value_text(s.node);
      reporter.report(
          s.node,
          rule.message.empty()
              ? fmt::format("{}: {} \"{}\" is not a number or quantity: {}",
                            object.id.display(), s.path, value, rule.summary)
              : expand(rule, object, s.path, value));
      continue;
    }
    total += v;
  }
  std::string why, value;
  if (c.min && total < *c.min) {
    why = fmt::format("is below the minimum {}", c.min_text);
    value = total_text(total, c.min_text);
  }
  if (c.max && total > *c.max) {
    why = fmt::format("is above the maximum {}", c.max_text);
    value = total_text(total, c.max_text);
  }
  if (why.empty()) return;
  std::string where =
      start_path.empty() ? std::string("the object") : start_path;
  reporter.report(
      start, rule.message.empty()
                 ? fmt::format("{}: the sum of {} in {} is {}, which {}: {}",
                               object.id.display(), c.path.text, where, value,
                               why, rule.summary)
                 : expand(rule, object, where, value));
}

}  // namespace

void check_custom_rule(const CustomRule& rule, const LintContext& /*context*/,
                       const Object& object, Reporter& reporter) {
  if (!custom_rule_matches(rule, object)) return;
  const CustomCheck& c = rule.check;
  Walk walk{c.path.steps, {}, {}};
  // Each walk starts at the object, at every pod spec or at every container;
  // `sum` adds up what one start selects.
  auto start = [&](NodeRef node) {
    std::string path = node == object.root || !object.document
                           ? std::string()
                           : object.document->path_of(node);
    if (c.sum) {
      Walk one{c.path.steps, {}, {}};
      one.go(node, path, 0);
      check_sum(rule, object, one, node, path, reporter);
    }
    walk.go(node, path, 0);
  };
  switch (c.path.root) {
    case CustomPath::Root::Object:
      start(object.root);
      break;
    case CustomPath::Root::PodSpec:
      for (const PodTemplate& pod : object.pods) start(pod.spec);
      break;
    case CustomPath::Root::Container:
      for (const PodTemplate& pod : object.pods)
        for (const Container& container : pod.containers) start(container.node);
      break;
  }
  auto message = [&](const std::string& path, const std::string& value,
                     std::string_view why) {
    if (!rule.message.empty()) return expand(rule, object, path, value);
    return fmt::format("{}: {} {}: {}", object.id.display(), path, why,
                       rule.summary);
  };
  if (c.exists == true) {
    for (const Selected& m : walk.missing) {
      // A null value is reported where it is written; a missing key at the
      // nearest existing parent.
      NodeRef at = m.node;
      if (at.valid() && at.is_null() && at.document()) {
        NodeRef key = at.document()->key_of(at);
        if (key.valid()) at = key;
      }
      reporter.report(at, message(m.path, "(none)", "is missing"));
    }
  }
  for (const Selected& s : walk.selected) {
    if (c.exists == false) {
      reporter.report(s.node,
                      message(s.path, value_text(s.node),
                              fmt::format("is set ({})", value_text(s.node))));
      continue;
    }
    std::string why = failure(c, s.node);
    if (!why.empty()) {
      std::string value = value_text(s.node);
      reporter.report(s.node, message(s.path, value,
                                      s.node.is_scalar()
                                          ? fmt::format("\"{}\" {}", value, why)
                                          : why));
    }
  }
}

}  // namespace launchlint
