#include "linter/analysis/label_selector.h"

#include <algorithm>

#include <fmt/format.h>

namespace launchlint {

LabelSet LabelSet::from_node(NodeRef map) {
  LabelSet out;
  if (!map.is_map()) return out;
  for (std::uint32_t i = 0; i < map.size(); ++i) {
    NodeRef value = map.at(i);
    if (!map.key_at(i).is_scalar() || !(value.is_scalar() || value.is_null()))
      continue;
    out.set_view(map.key_at(i).str(), value.str());
  }
  return out;
}

void LabelSet::set_view(std::string_view key, std::string_view value) {
  auto it = std::lower_bound(
      entries_.begin(), entries_.end(), key,
      [](const Entry& e, std::string_view k) { return e.first < k; });
  if (it != entries_.end() && it->first == key) {
    it->second = value;
    return;
  }
  entries_.insert(it, {key, value});
}

void LabelSet::set(std::string_view key, std::string_view value) {
  if (!owned_) owned_ = std::make_shared<std::deque<std::string>>();
  std::string_view k = owned_->emplace_back(key);
  set_view(k, owned_->emplace_back(value));
}

const std::string_view* LabelSet::find(std::string_view key) const {
  auto it = std::lower_bound(
      entries_.begin(), entries_.end(), key,
      [](const auto& e, std::string_view k) { return e.first < k; });
  if (it == entries_.end() || it->first != key) return nullptr;
  return &it->second;
}

std::string LabelSet::describe() const {
  std::string out;
  for (const auto& [k, v] : entries_) {
    if (!out.empty()) out += ',';
    out += fmt::format("{}={}", k, v);
  }
  return out;
}

bool LabelSelector::matches(const LabelSet& labels) const {
  if (invalid) return false;
  for (const Requirement& r : requirements) {
    const std::string_view* value = labels.find(r.key);
    bool listed = value && std::find(r.values.begin(), r.values.end(),
                                     *value) != r.values.end();
    switch (r.op) {
      case SelectorOp::In:
        if (!listed) return false;
        break;
      case SelectorOp::NotIn:
        if (listed) return false;
        break;
      case SelectorOp::Exists:
        if (!value) return false;
        break;
      case SelectorOp::DoesNotExist:
        if (value) return false;
        break;
    }
  }
  return true;
}

std::string LabelSelector::describe() const {
  if (invalid) return "(invalid selector)";
  if (requirements.empty()) return "(everything)";
  std::string out;
  for (const Requirement& r : requirements) {
    if (!out.empty()) out += ',';
    switch (r.op) {
      case SelectorOp::In:
        out += r.values.size() == 1
                   ? fmt::format("{}={}", r.key, r.values[0])
                   : fmt::format("{} in ({})", r.key, fmt::join(r.values, ","));
        break;
      case SelectorOp::NotIn:
        out += r.values.size() == 1 ? fmt::format("{}!={}", r.key, r.values[0])
                                    : fmt::format("{} notin ({})", r.key,
                                                  fmt::join(r.values, ","));
        break;
      case SelectorOp::Exists:
        out += r.key;
        break;
      case SelectorOp::DoesNotExist:
        out += "!" + r.key;
        break;
    }
  }
  return out;
}

LabelSelector parse_map_selector(NodeRef node) {
  LabelSelector s;
  s.node = node;
  if (node.is_null()) return s;
  if (!node.is_map()) {
    s.invalid = true;
    return s;
  }
  for (std::uint32_t i = 0; i < node.size(); ++i) {
    s.requirements.push_back({std::string(node.key_at(i).str()),
                              SelectorOp::In,
                              {std::string(node.at(i).str())}});
  }
  return s;
}

LabelSelector parse_label_selector(NodeRef node) {
  LabelSelector s = parse_map_selector(node["matchLabels"]);
  s.node = node;
  if (node.valid() && !node.is_null() && !node.is_map()) s.invalid = true;
  NodeRef exprs = node["matchExpressions"];
  for (std::uint32_t i = 0; i < exprs.size(); ++i) {
    NodeRef e = exprs.at(i);
    Requirement r;
    r.key = std::string(e["key"].str());
    std::string_view op = e["operator"].str();
    if (op == "In") {
      r.op = SelectorOp::In;
    } else if (op == "NotIn") {
      r.op = SelectorOp::NotIn;
    } else if (op == "Exists") {
      r.op = SelectorOp::Exists;
    } else if (op == "DoesNotExist") {
      r.op = SelectorOp::DoesNotExist;
    } else {
      s.invalid = true;
      continue;
    }
    NodeRef values = e["values"];
    for (std::uint32_t j = 0; j < values.size(); ++j)
      r.values.emplace_back(values.at(j).str());
    // In and NotIn need values; Exists and DoesNotExist take none.
    bool needs_values = r.op == SelectorOp::In || r.op == SelectorOp::NotIn;
    if (r.key.empty() || needs_values == r.values.empty()) s.invalid = true;
    s.requirements.push_back(std::move(r));
  }
  return s;
}

bool parse_selector_text(std::string_view text, LabelSelector* out,
                         std::string* error) {
  *out = LabelSelector();
  while (!text.empty()) {
    std::size_t comma = text.find(',');
    std::string_view part = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view()
                                           : text.substr(comma + 1);
    if (part.empty()) continue;
    Requirement r;
    std::size_t at = part.find('=');
    if (at == std::string_view::npos) {
      bool negated = part.starts_with('!');
      r.key = std::string(negated ? part.substr(1) : part);
      r.op = negated ? SelectorOp::DoesNotExist : SelectorOp::Exists;
    } else {
      bool negated = at > 0 && part[at - 1] == '!';
      r.key = std::string(part.substr(0, negated ? at - 1 : at));
      std::string_view value = part.substr(at + 1);
      if (value.starts_with('=')) value.remove_prefix(1);
      r.op = negated ? SelectorOp::NotIn : SelectorOp::In;
      r.values.emplace_back(value);
    }
    if (r.key.empty()) {
      *error = fmt::format("malformed label selector part \"{}\"", part);
      return false;
    }
    out->requirements.push_back(std::move(r));
  }
  return true;
}

}  // namespace launchlint
