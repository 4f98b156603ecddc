#include "linter/render/template_map.h"

#include <algorithm>
#include <map>
#include <optional>

#include <re2/re2.h>

namespace launchlint {

namespace {

// A `.Values` path read in a context: "a.b", or with `range` an element.
struct ValuesRef {
  std::string path;  // dotted, relative to .Values
  // For each `range` crossed: the range action's line index, and the path
  // inside the element ("a" then [i] then "b.c").
  std::vector<std::pair<int, std::string>> elements;
  bool range() const { return !elements.empty(); }
};

// What one template line holds.
struct Line {
  std::uint32_t number = 0;  // 1-based
  std::string_view raw;      // the line's text
  int first = -1;          // column (0-based) of the first character; -1 blank
  bool literal = false;    // text outside template actions
  bool separator = false;  // "---"
  bool producer = false;   // an action-only line that emits YAML
  int dash = -1;           // column of a leading "- "
  int key_col = -1;        // column of a literal key
  std::string key;
  std::string value;           // literal text after the key (actions blanked)
  bool inline_action = false;  // an action after the key
  bool dynamic_key = false;    // `{{ $k }}: ...`
  int level = -1;              // producer: nindent/indent N, else its column
  int action_col = -1;         // column of the first action
  std::string include_name;
  std::vector<ValuesRef> values;   // .Values read on this line, resolved
  std::optional<ValuesRef> range;  // innermost enclosing range over .Values
  bool in_range = false;           // inside any range
  int range_line = -1;             // line index of that range's action
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

struct Context {
  std::optional<ValuesRef> dot;  // what `.` is, when it is under .Values
  bool define = false;
  bool range = false;
  std::optional<ValuesRef> range_ref;
  int range_line = -1;
};

// Resolves an argument (".Values.a", "$.Values.a", ".b", ".") to a values
// path under the current context.
std::optional<ValuesRef> resolve(std::string_view arg, const Context& ctx) {
  if (arg.starts_with("$.Values")) arg.remove_prefix(1);
  if (arg.starts_with(".Values")) {
    arg.remove_prefix(7);
    if (!arg.empty() && arg[0] == '.') arg.remove_prefix(1);
    return ValuesRef{std::string(arg), {}};
  }
  if (arg.starts_with(".Release") || arg.starts_with(".Chart") ||
      arg.starts_with(".Capabilities") || arg.starts_with(".Template") ||
      arg.starts_with(".Files") || !arg.starts_with('.') || !ctx.dot)
    return std::nullopt;
  ValuesRef r = *ctx.dot;
  std::string& tail = r.range() ? r.elements.back().second : r.path;
  if (arg.size() > 1) {
    if (!tail.empty()) tail += '.';
    tail += std::string(arg.substr(1));
  }
  return r;
}

class Analyzer {
 public:
  explicit Analyzer(std::string_view text) {
    std::uint32_t number = 0;
    bool in_action = false;  // inside an action spanning lines
    for (std::size_t pos = 0; pos <= text.size();) {
      std::size_t eol = text.find('\n', pos);
      if (eol == std::string_view::npos) eol = text.size();
      std::string_view raw = text.substr(pos, eol - pos);
      if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
      lines_.push_back(analyze(raw, ++number, &in_action));
      if (eol == text.size()) break;
      pos = eol + 1;
    }
  }
  const std::vector<Line>& lines() const { return lines_; }

 private:
  Line analyze(std::string_view raw, std::uint32_t number, bool* in_action) {
    Line l;
    l.number = number;
    l.raw = raw;
    std::string outside;  // text outside actions, actions blanked
    outside.reserve(raw.size());
    std::vector<std::pair<int, std::string_view>> actions;
    std::size_t i = 0;
    if (*in_action) {
      std::size_t close = raw.find("}}");
      if (close == std::string_view::npos) {
        l.first = -1;
        return l;
      }
      outside.append(close + 2, ' ');
      i = close + 2;
      *in_action = false;
    }
    while (i < raw.size()) {
      std::size_t open = raw.find("{{", i);
      if (open == std::string_view::npos) {
        outside.append(raw.substr(i));
        break;
      }
      outside.append(raw.substr(i, open - i));
      std::size_t close = raw.find("}}", open + 2);
      if (close == std::string_view::npos) {
        *in_action = true;
        actions.push_back({static_cast<int>(open), raw.substr(open + 2)});
        outside.append(raw.size() - open, ' ');
        break;
      }
      actions.push_back(
          {static_cast<int>(open), raw.substr(open + 2, close - open - 2)});
      outside.append(close + 2 - open, ' ');
      i = close + 2;
    }
    std::size_t first_raw = raw.find_first_not_of(" \t");
    l.first =
        first_raw == std::string_view::npos ? -1 : static_cast<int>(first_raw);
    std::string_view out = outside;
    std::size_t first_out = out.find_first_not_of(' ');
    if (!actions.empty()) l.action_col = actions.front().first;

    // Control actions change the context; the others produce text.
    bool emits = false;
    for (auto& [col, body] : actions) {
      std::string_view a = trim(body);
      if (a.starts_with('-')) a.remove_prefix(1);
      if (a.ends_with('-')) a.remove_suffix(1);
      a = trim(a);
      if (a.starts_with("/*")) continue;
      std::string_view word = a.substr(0, a.find_first_of(" \t("));
      if (word == "if" || word == "with" || word == "range" ||
          word == "define" || word == "block") {
        Context c = stack_.empty() ? Context{} : stack_.back();
        std::string_view arg = trim(a.substr(word.size()));
        if (word == "define") c = Context{std::nullopt, true, false, {}};
        if (word == "with" || word == "range") {
          std::size_t assign = arg.find(":=");
          if (assign != std::string_view::npos)
            arg = trim(arg.substr(assign + 2));
          arg = arg.substr(0, arg.find_first_of(" \t|)"));
          std::optional<ValuesRef> r = resolve(arg, c);
          if (word == "range") {
            if (r) r->elements.push_back({static_cast<int>(lines_.size()), ""});
            c.range = true;
            c.range_ref = r;
            c.range_line = static_cast<int>(lines_.size());
          }
          c.dot = r;
        }
        stack_.push_back(c);
        continue;
      }
      if (word == "end") {
        if (!stack_.empty()) stack_.pop_back();
        continue;
      }
      if (word == "else" ||
          (word.starts_with('$') && a.find(":=") != std::string_view::npos &&
           a.find("include") == std::string_view::npos))
        continue;
      emits = true;
      collect(a, &l);
    }
    const Context* ctx = stack_.empty() ? nullptr : &stack_.back();
    if (ctx) {
      l.in_range = ctx->range;
      l.range = ctx->range_ref;
      l.range_line = ctx->range_line;
    }
    if (first_out == std::string_view::npos) {
      // Only actions on this line.
      if (emits && l.first >= 0) {
        l.producer = true;
        static const RE2 kIndent(R"(\bn?indent\s+(\d+))");
        int n = -1;
        if (RE2::PartialMatch(std::string(raw), kIndent, &n)) {
          l.level = n;
        } else {
          l.level = l.first;
        }
      }
      return l;
    }
    l.literal = true;
    std::string_view content = out.substr(first_out);
    if (content.starts_with("---") && trim(content) == "---" &&
        first_out == 0) {
      l.separator = true;
      return l;
    }
    if (content.starts_with('#')) {
      l.literal = false;
      return l;
    }
    int col = static_cast<int>(first_out);
    while (content == "-" || content.starts_with("- ")) {
      if (l.dash < 0) l.dash = col;
      std::size_t skip = content.find_first_not_of(' ', 1);
      if (skip == std::string_view::npos) {
        // "- {{ ... }}" or "-" alone: the item's content is an action.
        if (!actions.empty()) l.key_col = col + 2, l.dynamic_key = false;
        return l;
      }
      col += static_cast<int>(skip);
      content.remove_prefix(skip);
    }
    // `key:` written literally (possibly quoted); a key made of an action
    // leaves blanks before the colon.
    std::size_t colon = content.find(':');
    while (colon != std::string_view::npos && colon + 1 < content.size() &&
           content[colon + 1] != ' ')
      colon = content.find(':', colon + 1);
    if (colon == std::string_view::npos) return l;
    std::string_view key = content.substr(0, colon);
    if (key.size() >= 2 && (key.front() == '"' || key.front() == '\'') &&
        key.back() == key.front())
      key = key.substr(1, key.size() - 2);
    std::size_t key_end = static_cast<std::size_t>(col) + colon;
    bool templated = false;
    for (auto& [acol, body] : actions)
      if (static_cast<std::size_t>(acol) < key_end) templated = true;
    if (templated || trim(key).empty()) {
      l.dynamic_key = true;
      l.key_col = col;
      return l;
    }
    if (key.find_first_of("{}[],&*#?|<>=!%@`") != std::string_view::npos)
      return l;
    l.key = std::string(key);
    l.key_col = col;
    std::string_view value = content.substr(colon + 1);
    // A plain value ends at " #": a trailing comment is not part of it.
    if (!value.empty() && value.find_first_of("\"'") == std::string_view::npos) {
      std::size_t comment = value.find(" #");
      if (comment != std::string_view::npos) value = value.substr(0, comment);
    }
    l.value = std::string(trim(value));
    l.inline_action =
        !actions.empty() && actions.back().first > static_cast<int>(key_end);
    return l;
  }

  void collect(std::string_view action, Line* l) {
    static const RE2 kInclude(R"re(\b(?:include|template)\s+"([^"]+)")re");
    static const RE2 kValues(R"((\$?\.Values(?:\.[A-Za-z0-9_\-]+)*))");
    static const RE2 kDot(
        R"(\b(?:toYaml|tpl|toJson|toPrettyJson)\s+\(?\s*(\.[A-Za-z0-9_.\-]*))");
    std::string a(action);
    std::string name;
    if (l->include_name.empty() && RE2::PartialMatch(a, kInclude, &name))
      l->include_name = name;
    Context none;
    const Context& ctx = stack_.empty() ? none : stack_.back();
    re2::StringPiece input(a);
    std::string ref;
    while (RE2::FindAndConsume(&input, kValues, &ref)) {
      if (auto r = resolve(ref, ctx)) l->values.push_back(*r);
    }
    // `{{ .image }}`, `{{ .port | quote }}`: a field of `.`.
    static const RE2 kField(R"(^(\.[A-Za-z0-9_][A-Za-z0-9_.\-]*)\s*(?:\||$))");
    std::string field;
    if (RE2::PartialMatch(a, kField, &field) && !field.starts_with(".Values")) {
      if (auto r = resolve(field, ctx)) l->values.push_back(std::move(*r));
    }
    std::string dot;
    if (RE2::PartialMatch(a, kDot, &dot) && !dot.starts_with(".Values")) {
      if (auto r = resolve(dot, ctx)) {
        l->values.push_back(std::move(*r));
        std::rotate(l->values.begin(), l->values.end() - 1, l->values.end());
      }
    }
  }

  std::vector<Line> lines_;
  std::vector<Context> stack_;
};

}  // namespace

namespace {

struct Scope {
  std::size_t begin = 0, end = 0;  // line indices [begin, end)
  int level = -1;                  // column of this mapping's keys
  int floor = 0;                   // producers below this column belong outside
};

class Searcher {
 public:
  Searcher(const std::vector<Line>& lines) : lines_(lines) {}

  // Column where a literal line starts (its dash, or its key).
  int start(const Line& l) const { return l.first; }

  // The end of the block owned by the key (or item) on line `i` at `col`.
  std::size_t block_end(std::size_t i, int col, std::size_t limit,
                        bool item) const {
    for (std::size_t j = i + 1; j < limit; ++j) {
      const Line& l = lines_[j];
      if (!l.literal || l.first < 0) continue;
      if (l.separator) return j;
      int sc = start(l);
      if (sc < col) return j;
      if (sc == col && (item || l.dash != sc)) return j;
    }
    return limit;
  }

  // The first key column of the lines in [begin, end).
  int level_of(std::size_t begin, std::size_t end) const {
    for (std::size_t j = begin; j < end; ++j) {
      const Line& l = lines_[j];
      if (l.literal && l.key_col >= 0) return l.key_col;
    }
    return -1;
  }

  Scope key_scope(std::size_t i, std::size_t limit) const {
    const Line& l = lines_[i];
    Scope s;
    s.begin = i + 1;
    s.end = block_end(i, l.key_col, limit, false);
    s.level = level_of(s.begin, s.end);
    s.floor = l.key_col + 1;
    return s;
  }

  Scope item_scope(std::size_t i, std::size_t end) const {
    const Line& l = lines_[i];
    Scope s;
    s.begin = i;
    s.end = end;
    s.level = l.key_col >= 0 ? l.key_col : level_of(i + 1, end);
    s.floor = l.dash + 1;
    return s;
  }

  std::optional<std::size_t> find_key(const Scope& s,
                                      const std::string& key) const {
    for (std::size_t j = s.begin; j < s.end; ++j) {
      const Line& l = lines_[j];
      if (l.literal && l.key_col == s.level && l.key == key) return j;
    }
    return std::nullopt;
  }

  // Items of the sequence in scope `s`: (dash line, end).
  std::vector<std::pair<std::size_t, std::size_t>> items(const Scope& s) const {
    int col = -1;
    for (std::size_t j = s.begin; j < s.end; ++j) {
      const Line& l = lines_[j];
      if (l.literal && l.dash >= 0 && (col < 0 || l.dash < col)) col = l.dash;
    }
    std::vector<std::pair<std::size_t, std::size_t>> out;
    if (col < 0) return out;
    for (std::size_t j = s.begin; j < s.end; ++j) {
      const Line& l = lines_[j];
      if (l.literal && l.dash == col) {
        if (!out.empty()) out.back().second = j;
        out.push_back({j, s.end});
      }
    }
    return out;
  }

  // Producer lines of scope `s` (action-only lines that emit YAML).
  // Only actions at the scope's own level count: deeper ones write nested
  // blocks of other keys.
  std::optional<std::size_t> producer(const Scope& s, int min_level,
                                      int max_level = -1) const {
    if (max_level < 0) max_level = s.level >= 0 ? s.level : 1 << 30;
    std::optional<std::size_t> any;
    for (std::size_t j = s.begin; j < s.end; ++j) {
      const Line& l = lines_[j];
      if (!l.producer || l.level < min_level || l.level > max_level) continue;
      if (l.level == s.level) return j;
      if (!any) any = j;
    }
    return any;
  }

  // The literal `name: value` of an item, to match a rendered element.
  bool item_named(const Scope& s, std::string_view name) const {
    auto j = find_key(s, "name");
    if (!j) return false;
    std::string_view v = lines_[*j].value;
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\''))
      v = v.substr(1, v.size() - 2);
    return v == name;
  }

 private:
  const std::vector<Line>& lines_;
};

}  // namespace

TemplateMatch map_template(std::string_view text,
                           const std::vector<PathStep>& steps,
                           NodeRef rendered_root, std::string_view kind,
                           int occurrence) {
  Analyzer analyzer(text);
  const std::vector<Line>& lines = analyzer.lines();
  Searcher search(lines);
  TemplateMatch m;

  // The template's documents; prefer the one that writes `kind: <kind>`.
  std::vector<std::pair<std::size_t, std::size_t>> sections;
  std::size_t start = 0;
  for (std::size_t j = 0; j < lines.size(); ++j) {
    if (lines[j].separator) {
      sections.push_back({start, j});
      start = j + 1;
    }
  }
  sections.push_back({start, lines.size()});
  std::pair<std::size_t, std::size_t> section = sections.front();
  bool chosen = false;
  for (const auto& sec : sections) {
    bool has_content = false;
    for (std::size_t j = sec.first; j < sec.second; ++j) {
      const Line& l = lines[j];
      if (l.literal || l.producer) has_content = true;
      if (l.literal && l.key == "kind" && l.value == kind && l.dash < 0) {
        section = sec;
        chosen = true;
        break;
      }
    }
    if (chosen) break;
    if (has_content && !chosen && section == sections.front() &&
        sections.front().first == sections.front().second)
      section = sec;
  }

  Scope scope;
  scope.begin = section.first;
  scope.end = section.second;
  scope.level = search.level_of(scope.begin, scope.end);
  scope.floor = 0;
  std::optional<std::size_t> line;  // deepest line written literally
  bool on_item = false;
  // The element each `range` wrote the node from: range line -> index. A
  // range around the whole document makes one document per element.
  std::map<int, int> element;
  for (std::size_t j = section.first; j < section.second; ++j) {
    const Line& l = lines[j];
    if (!l.literal) continue;
    if (l.in_range && l.range_line < static_cast<int>(j) && occurrence >= 0)
      element[l.range_line] = occurrence;
    break;
  }
  NodeRef rendered = rendered_root;
  std::size_t matched = 0;
  for (const PathStep& step : steps) {
    NodeRef next_rendered =
        step.is_index() ? rendered.at(static_cast<std::uint32_t>(step.index))
                        : rendered.get(step.key);
    if (step.is_index()) {
      auto items = search.items(scope);
      if (items.empty()) break;
      std::size_t idx = static_cast<std::size_t>(step.index);
      bool ranged = false;
      for (std::size_t j = scope.begin; j < scope.end; ++j)
        if (lines[j].in_range !=
            lines[scope.begin > 0 ? scope.begin - 1 : 0].in_range)
          ranged = true;
      std::optional<std::size_t> pick;
      if (!ranged && idx < items.size()) pick = idx;
      if (!pick) {
        std::string_view name = next_rendered["name"].str();
        for (std::size_t k = 0; k < items.size() && !name.empty(); ++k) {
          if (search.item_named(
                  search.item_scope(items[k].first, items[k].second), name)) {
            pick = k;
            break;
          }
        }
      }
      if (!pick && idx >= items.size()) {
        // More elements than literal items: a producer may write the rest.
        int dash = lines[items.front().first].dash;
        if (search.producer(scope, scope.floor, dash + 2)) break;
      }
      if (!pick) pick = std::min(idx, items.size() - 1);
      auto [first, last] = items[*pick];
      // An item a `range` in this list writes: element idx - pick of it.
      const Line& item = lines[first];
      if (item.in_range && item.range_line >= static_cast<int>(scope.begin) &&
          idx >= *pick)
        element[item.range_line] = static_cast<int>(idx - *pick);
      line = first;
      on_item = true;
      scope = search.item_scope(first, last);
    } else {
      auto j = search.find_key(scope, step.key);
      if (!j) break;
      line = *j;
      on_item = false;
      scope = search.key_scope(*j, scope.end);
    }
    rendered = next_rendered;
    ++matched;
  }
  m.matched = matched;
  m.rest.assign(steps.begin() + static_cast<std::ptrdiff_t>(matched),
                steps.end());
  std::vector<PathStep> rest(
      steps.begin() + static_cast<std::ptrdiff_t>(matched), steps.end());
  // A values path; for an element of a range, with its index when known.
  auto known = [&](const ValuesRef& v) {
    for (const auto& [range_line, sub] : v.elements)
      if (!element.count(range_line)) return false;
    return true;
  };
  auto values_path = [&](const ValuesRef& v, bool with_rest) {
    std::vector<PathStep> p = parse_yaml_path(v.path);
    for (const auto& [range_line, sub] : v.elements) {
      auto it = element.find(range_line);
      if (it == element.end()) return p;
      p.push_back({"", it->second});
      std::vector<PathStep> inner = parse_yaml_path(sub);
      p.insert(p.end(), inner.begin(), inner.end());
    }
    if (with_rest) p.insert(p.end(), rest.begin(), rest.end());
    return p;
  };
  auto add_values = [&](const Line& l, bool with_rest) {
    for (const ValuesRef& v : l.values)
      m.values_paths.push_back(values_path(v, with_rest));
    if (l.range && m.values_paths.empty())
      m.values_paths.push_back(values_path(*l.range, false));
  };
  if (matched == steps.size() && line) {
    const Line& l = lines[*line];
    m.exact = true;
    m.line = l.number;
    m.column = static_cast<std::uint32_t>((on_item ? l.dash : l.key_col) + 1);
    // A list item a range writes is the values element itself.
    if (on_item && l.range && l.range_line >= 0 &&
        element.count(l.range_line)) {
      m.values_paths.push_back(values_path(*l.range, false));
    } else {
      add_values(l, false);
    }
    return m;
  }
  // The rest written in flow style on the same line: `probe: {httpGet: {...}}`.
  if (line && !m.rest.empty()) {
    const Line& l = lines[*line];
    std::size_t pos = static_cast<std::size_t>(on_item ? l.dash : l.key_col);
    std::size_t found = 0, column = 0;
    for (const PathStep& step : m.rest) {
      if (step.is_index()) break;
      std::size_t at = pos;
      while ((at = l.raw.find(step.key, at + 1)) != std::string_view::npos) {
        std::size_t end = at + step.key.size();
        if (end < l.raw.size() && (l.raw[end] == '"' || l.raw[end] == '\''))
          ++end;
        char before = l.raw[at - 1];
        bool quoted = before == '"' || before == '\'';
        char lead = quoted && at >= 2 ? l.raw[at - 2] : before;
        if (end < l.raw.size() && l.raw[end] == ':' &&
            (lead == '{' || lead == ' ' || lead == ','))
          break;
      }
      if (at == std::string_view::npos) break;
      bool quoted = l.raw[at - 1] == '"' || l.raw[at - 1] == '\'';
      column = quoted ? at : at + 1;
      pos = at;
      ++found;
    }
    if (found == m.rest.size()) {
      m.exact = true;
      m.matched = steps.size();
      m.rest.clear();
      m.line = l.number;
      m.column = static_cast<std::uint32_t>(column);
      add_values(l, false);
      return m;
    }
  }
  // The rest comes from an action: on the key line itself, or in the block.
  std::optional<std::size_t> producer;
  if (line && !on_item && lines[*line].inline_action &&
      !lines[*line].values.empty())
    producer = *line;
  if (!producer) producer = search.producer(scope, scope.floor);
  if (producer) {
    const Line& l = lines[*producer];
    m.produced = true;
    m.line = l.number;
    m.column =
        static_cast<std::uint32_t>((l.producer ? l.action_col : l.key_col) + 1);
    m.include_name = l.include_name;
    add_values(l, true);
    m.values_block =
        !m.values_paths.empty() && !l.values.empty() && known(l.values.front());
    return m;
  }
  if (line) {
    const Line& l = lines[*line];
    m.line = l.number;
    m.column = static_cast<std::uint32_t>((on_item ? l.dash : l.key_col) + 1);
    if (l.range) m.values_paths.push_back(values_path(*l.range, false));
    return m;
  }
  for (std::size_t j = section.first; j < section.second; ++j) {
    if (lines[j].literal || lines[j].producer) {
      m.line = lines[j].number;
      m.column = static_cast<std::uint32_t>(lines[j].first + 1);
      m.include_name = lines[j].include_name;
      break;
    }
  }
  return m;
}

bool find_define(std::string_view text, std::string_view name,
                 std::uint32_t* first, std::uint32_t* last) {
  static const RE2 kDefine(R"re(\{\{-?\s*define\s+"([^"]+)"\s*-?\}\})re");
  static const RE2 kOpen(R"(\{\{-?\s*(if|with|range|define|block)\b)");
  static const RE2 kEnd(R"(\{\{-?\s*end\s*-?\}\})");
  std::uint32_t number = 0;
  int depth = 0;
  bool inside = false;
  for (std::size_t pos = 0; pos <= text.size();) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string line(text.substr(pos, eol - pos));
    ++number;
    if (!inside) {
      std::string found;
      if (RE2::PartialMatch(line, kDefine, &found) && found == name) {
        inside = true;
        depth = 1;
        *first = number;
      }
    } else {
      re2::StringPiece in(line);
      std::string word;
      while (RE2::FindAndConsume(&in, kOpen, &word)) ++depth;
      re2::StringPiece in2(line);
      while (RE2::FindAndConsume(&in2, kEnd)) --depth;
      if (depth <= 0) {
        *last = number;
        return true;
      }
    }
    if (eol == text.size()) break;
    pos = eol + 1;
  }
  if (inside) *last = number;
  return inside;
}

}  // namespace launchlint
