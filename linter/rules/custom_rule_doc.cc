// Docs of custom rules: the fixed headings of every rule doc, filled from the
// rule's own `doc` where it has them and generated from its definition
// otherwise.
#include <fmt/format.h>

#include "linter/rules/custom_rule.h"
#include "linter/rules/doc_sections.h"

namespace launchlint {

namespace {

std::string list(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// "objects of kind Deployment in namespaces matching llm-* that run a model
// server and whose pods request accelerators"
std::string scope(const CustomRule& r) {
  const CustomMatch& m = r.match;
  std::string out = m.kinds.empty()
                        ? std::string("all objects")
                        : fmt::format("objects of kind {}", list(m.kinds));
  if (!m.namespaces.empty())
    out += fmt::format(" in namespaces matching {}", list(m.namespaces));
  if (m.labels) out += fmt::format(" labelled {}", m.labels->describe());
  std::vector<std::string> clauses;
  if (m.model_servers)
    clauses.push_back(*m.model_servers ? "that run a model server"
                                       : "that run no model server");
  if (m.gpu)
    clauses.push_back(*m.gpu ? "whose pods request accelerators"
                             : "whose pods request no accelerators");
  if (r.check.path.root != CustomPath::Root::Object &&
      !m.model_servers.value_or(false) && !m.gpu.value_or(false))
    clauses.push_back("that run pods");
  for (std::size_t i = 0; i < clauses.size(); ++i)
    out += (i == 0 ? " " : " and ") + clauses[i];
  return out;
}

// The check's conditions, as the rule wants them ("must match `re`").
std::vector<std::string> wanted(const CustomCheck& c) {
  std::vector<std::string> out;
  if (c.exists) out.push_back(*c.exists ? "must be set" : "must not be set");
  if (c.equals) out.push_back(fmt::format("must equal `{}`", *c.equals));
  if (c.has_in) out.push_back(fmt::format("must be one of `{}`", list(c.in)));
  if (c.matches)
    out.push_back(fmt::format("must match `{}`", c.matches->pattern()));
  if (c.not_matches)
    out.push_back(fmt::format("must not match `{}`", c.not_matches->pattern()));
  std::string_view be = c.sum ? "must add up to" : "must be";
  if (c.min) out.push_back(fmt::format("{} at least {}", be, c.min_text));
  if (c.max) out.push_back(fmt::format("{} at most {}", be, c.max_text));
  return out;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

std::string generated(const CustomRule& r, std::string_view heading,
                      std::string_view user_text) {
  const CustomCheck& c = r.check;
  if (heading == "What it does") {
    std::string_view per = "object";
    std::string_view root;
    if (c.path.root == CustomPath::Root::PodSpec) {
      per = "pod template";
      root =
          " `podSpec.` is the pod spec of each pod template of the object "
          "(both templates of a LeaderWorkerSet, an InferenceService's "
          "predictor, each Ray group, a CronJob's job).";
    } else if (c.path.root == CustomPath::Root::Container) {
      per = "container";
      root =
          " `container.` is each container of each pod template of the "
          "object: init containers, sidecars and main containers, and an "
          "InferenceService's model container.";
    }
    return fmt::format(
        "{}\n\nA custom rule from `{}`. On {}, {} `{}` selects {}.{}{}{}",
        r.summary, r.source, scope(r),
        c.sum ? "the values that" : "every node that", c.path.text,
        joined(wanted(c)),
        c.sum ? fmt::format(" The sum is taken per {}, and the sum of nothing "
                            "is 0.",
                            per)
              : std::string(),
        root,
        c.exists == true
            ? ""
            : " When the path selects nothing the rule holds: only "
              "`exists: true` asks for a field to be there.");
  }
  if (heading == "Why it matters") {
    if (!user_text.empty()) return std::string(user_text);
    return fmt::format(
        "It is a house rule of the team that owns `{}`: ask them why, and "
        "give the rule a `doc` there to say it here.",
        r.source);
  }
  if (heading == "Example") {
    return fmt::format(
        "Reported: an object in scope where `{}` does not "
        "hold what the rule asks ({}).",
        c.path.text, joined(wanted(c)));
  }
  if (heading == "Use instead") {
    return fmt::format("Make `{}` hold what the rule asks: it {}.", c.path.text,
                       joined(wanted(c)));
  }
  if (heading == "Exceptions") {
    return fmt::format(
        "Accept a finding on one object with the annotation "
        "`ignore-check.launchlint.io/{}: \"<reason>\"`, or with an "
        "`exceptions:` entry in `{}`; turn the rule off or change its "
        "severity under `rules:` there.",
        r.id, r.source);
  }
  return fmt::format(
      "- `{}` (customRules, id {})\n- `launchlint rules` "
      "lists every rule",
      r.source, r.id);
}

}  // namespace

std::string custom_rule_doc(const CustomRule& rule, std::string_view user_doc) {
  static constexpr std::string_view kHeadings[] = {
      "What it does", "Why it matters", "Example",
      "Use instead",  "Exceptions",     "References"};
  // A doc without any fixed heading is prose about the rule: it says why.
  bool has_headings = false;
  for (std::string_view h : kHeadings)
    has_headings |= !doc_section(user_doc, h).empty();
  std::string prose;
  if (!has_headings) {
    std::string_view t = user_doc;
    while (!t.empty() && (t.back() == '\n' || t.back() == ' '))
      t.remove_suffix(1);
    prose = std::string(t);
  }
  std::string out = fmt::format("# {} ({})\n", rule.name, rule.id);
  for (std::string_view h : kHeadings) {
    std::string own = has_headings ? doc_section(user_doc, h) : std::string();
    if (own.empty())
      own = generated(rule, h, h == "Why it matters" ? prose : "");
    out += fmt::format("\n## {}\n\n{}\n", h, own);
  }
  return out;
}

}  // namespace launchlint
