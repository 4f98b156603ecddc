#include "linter/rules/custom_rule.h"

#include <fnmatch.h>

#include <algorithm>
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
        // Not a list, or an empty one: nothing to select.
        if (!node.is_seq() || node.size() == 0) {
          missing.push_back({node, rest(path, i)});
          return;
        }
        for (std::uint32_t n = 0; n < node.size(); ++n)
          go(node.at(n), path + fmt::format("[{}]", n), i + 1);
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

std::string value_text(NodeRef node) {
  if (node.is_map()) return "a map";
  if (node.is_seq()) return "a list";
  if (node.is_null()) return "(none)";
  return std::string(node.str());
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
  if (c.equals && v != *c.equals)
    return fmt::format("is not \"{}\"", *c.equals);
  if (c.has_in && std::find(c.in.begin(), c.in.end(), v) == c.in.end())
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

// "1.5" rather than "1.500000"; whole numbers without a point.
std::string number_text(double v) { return fmt::format("{}", v); }

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
  if (rule.check.path.pod_spec && object.pods.empty()) return false;
  return true;
}

namespace {

// `sum`: min and max on the total of the values one walk selected, reported
// at the walk's start (the pod spec, or the object).
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
  std::string why;
  if (c.min && total < *c.min)
    why = fmt::format("is below the minimum {}", c.min_text);
  if (c.max && total > *c.max)
    why = fmt::format("is above the maximum {}", c.max_text);
  if (why.empty()) return;
  std::string value = number_text(total);
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
  if (c.path.pod_spec) {
    for (const PodTemplate& pod : object.pods) {
      std::string start =
          object.document ? object.document->path_of(pod.spec) : std::string();
      if (c.sum) {
        Walk one{c.path.steps, {}, {}};
        one.go(pod.spec, start, 0);
        check_sum(rule, object, one, pod.spec, start, reporter);
      }
      walk.go(pod.spec, start, 0);
    }
  } else {
    walk.go(object.root, "", 0);
    if (c.sum) check_sum(rule, object, walk, object.root, "", reporter);
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
