#include "linter/lsp/fixes.h"

#include <array>
#include <optional>

#include <fmt/format.h>

namespace launchlint::lsp {

namespace {

enum class FixKind {
  kNotPrivileged,
  kNoPrivilegeEscalation,
  kReadOnlyRoot,
  kNoTokenAutomount,
  kRevisionHistory,
};

// Fixes follow the rule's name, so a rule gets its fix by being named for
// the setting it checks.
std::optional<FixKind> fix_kind(std::string_view rule_name) {
  auto has = [&](std::string_view part) {
    return rule_name.find(part) != std::string_view::npos;
  };
  if (has("privilege-escalation")) return FixKind::kNoPrivilegeEscalation;
  if (has("privileged")) return FixKind::kNotPrivileged;
  if (has("root-filesystem") || has("root-fs") || has("readonly-root") ||
      has("read-only-root"))
    return FixKind::kReadOnlyRoot;
  if (has("automount") || has("service-account-token") || has("sa-token"))
    return FixKind::kNoTokenAutomount;
  if (has("revision-history")) return FixKind::kRevisionHistory;
  return std::nullopt;
}

bool path_within(std::string_view path, std::string_view prefix) {
  if (prefix.empty()) return true;
  return path.starts_with(prefix) &&
         (path.size() == prefix.size() || path[prefix.size()] == '.' ||
          path[prefix.size()] == '[');
}

// JSON files stay JSON only with quoted keys: no fixes there.
bool editable(const Object& object) {
  std::string_view file = object.file();
  return !file.ends_with(".json");
}

void add(std::optional<ByteEdit> edit, Fix* fix) {
  if (edit) fix->edits.push_back(std::move(*edit));
}

// The containers a container-level fix touches: the flagged one, or every
// container of the flagged pod template (or object).
std::vector<std::pair<const PodTemplate*, const Container*>> targets(
    const Object& object, const Finding& finding) {
  std::vector<std::pair<const PodTemplate*, const Container*>> all, in_pod;
  const Document& doc = *object.document;
  for (const PodTemplate& pod : object.pods) {
    bool pod_hit = path_within(finding.path, doc.path_of(pod.spec));
    for (const Container& c : pod.containers) {
      if (c.from_runtime) continue;
      if (path_within(finding.path, doc.path_of(c.node))) return {{&pod, &c}};
      all.emplace_back(&pod, &c);
      if (pod_hit) in_pod.emplace_back(&pod, &c);
    }
  }
  return in_pod.empty() ? all : in_pod;
}

Fix container_fix(const Object& object, const Finding& finding,
                  std::string_view text, const LineIndex& lines,
                  std::string_view field, std::string_view value) {
  Fix fix;
  fix.preferred = true;
  auto found = targets(object, finding);
  std::array<std::string_view, 2> keys{"securityContext", field};
  for (auto [pod, c] : found) {
    add(set_value(text, lines, c->node, keys, value), &fix);
  }
  std::string where = found.size() == 1 ? fmt::format("container \"{}\"",
                                                      found[0].second->name())
                                        : "every container";
  fix.title =
      fmt::format("Set securityContext.{}: {} on {}", field, value, where);
  return fix;
}

}  // namespace

const Object* object_of(const Model& model, const Finding& finding) {
  if (finding.object.kind.empty()) return nullptr;
  for (const Object& o : model.objects) {
    if (o.id == finding.object && o.file() == finding.location.file_name())
      return &o;
  }
  return nullptr;
}

std::vector<Fix> fixes_for(const Model& model, const Finding& finding,
                           std::string_view text) {
  // Custom rules are named by their users: no fix is inferred from that.
  std::optional<FixKind> kind = finding.rule->source.empty()
                                    ? fix_kind(finding.rule->name)
                                    : std::nullopt;
  const Object* object = object_of(model, finding);
  if (!kind || object == nullptr || !editable(*object)) return {};
  LineIndex lines(text);
  Fix fix;
  switch (*kind) {
    case FixKind::kNotPrivileged:
      fix = container_fix(*object, finding, text, lines, "privileged", "false");
      break;
    case FixKind::kNoPrivilegeEscalation:
      fix = container_fix(*object, finding, text, lines,
                          "allowPrivilegeEscalation", "false");
      break;
    case FixKind::kReadOnlyRoot:
      fix = container_fix(*object, finding, text, lines,
                          "readOnlyRootFilesystem", "true");
      break;
    case FixKind::kNoTokenAutomount: {
      fix.preferred = true;
      fix.title = "Set automountServiceAccountToken: false";
      std::array<std::string_view, 1> keys{"automountServiceAccountToken"};
      if (object->id.kind == "ServiceAccount") {
        add(set_value(text, lines, object->root, keys, "false"), &fix);
        break;
      }
      const Document& doc = *object->document;
      bool any_hit = false;
      for (const PodTemplate& pod : object->pods) {
        any_hit |= path_within(finding.path, doc.path_of(pod.spec));
      }
      for (const PodTemplate& pod : object->pods) {
        if (any_hit && !path_within(finding.path, doc.path_of(pod.spec)))
          continue;
        add(set_value(text, lines, pod.spec, keys, "false"), &fix);
      }
      break;
    }
    case FixKind::kRevisionHistory: {
      fix.preferred = true;
      fix.title = "Set spec.revisionHistoryLimit: 10";
      std::array<std::string_view, 1> keys{"revisionHistoryLimit"};
      add(set_value(text, lines, object->spec(), keys, "10"), &fix);
      break;
    }
  }
  if (fix.edits.empty()) return {};
  return {std::move(fix)};
}

std::vector<Fix> accept_exception(const Model& model, const Finding& finding,
                                  std::string_view text) {
  const Object* object = object_of(model, finding);
  if (object == nullptr || !editable(*object) || !object->metadata.is_map())
    return {};
  LineIndex lines(text);
  std::string key =
      fmt::format("ignore-check.launchlint.io/{}", finding.rule->id);
  std::array<std::string_view, 2> keys{"annotations", key};
  std::optional<ByteEdit> edit =
      set_value(text, lines, object->metadata, keys,
                fmt::format("\"{}\"", kReasonPlaceholder));
  if (!edit) return {};
  Fix fix;
  fix.title = fmt::format(
      "Accept this exception: annotate {} with {} (reason "
      "to fill in)",
      object->id.display(), key);
  fix.edits.push_back(std::move(*edit));
  return {std::move(fix)};
}

}  // namespace launchlint::lsp
