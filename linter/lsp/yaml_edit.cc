#include "linter/lsp/yaml_edit.h"

#include <algorithm>

namespace launchlint::lsp {

namespace {

std::size_t indent_of(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  return i;
}

bool blank_or_comment(std::string_view line) {
  std::size_t i = indent_of(line);
  return i == line.size() || line[i] == '#';
}

bool is_flow(std::string_view text, const LineIndex& lines, NodeRef map) {
  std::size_t at = node_offset(lines, map);
  return at < text.size() && text[at] == '{';
}

// "k1:\n  k2: value" for keys {k1, k2}, each line indented by `indent`.
std::string block_entry(std::span<const std::string_view> keys,
                        std::string_view value, std::size_t indent) {
  std::string out;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    out.append(indent + 2 * i, ' ');
    out.append(keys[i]);
    out.push_back(':');
    if (i + 1 == keys.size()) {
      out.push_back(' ');
      out.append(value);
    }
    out.push_back('\n');
  }
  return out;
}

// "k1: {k2: value}" for keys {k1, k2}.
std::string flow_entry(std::span<const std::string_view> keys,
                       std::string_view value) {
  std::string out;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    out.append(keys[i]);
    out.append(": ");
    if (i + 1 < keys.size()) out.push_back('{');
  }
  out.append(value);
  out.append(keys.size() - 1, '}');
  return out;
}

// Inserts the entry for `keys` into `map`.
std::optional<ByteEdit> insert_entry(std::string_view text,
                                     const LineIndex& lines, NodeRef map,
                                     std::span<const std::string_view> keys,
                                     std::string_view value) {
  std::size_t at = node_offset(lines, map);
  if (at >= text.size()) return std::nullopt;
  if (text[at] == '{') {
    std::size_t next = at + 1;
    while (next < text.size() &&
           (text[next] == ' ' || text[next] == '\n' || text[next] == '\r'))
      ++next;
    std::string entry = flow_entry(keys, value);
    if (next < text.size() && text[next] == '}')
      return ByteEdit{at + 1, next, entry};
    return ByteEdit{at + 1, at + 1, entry + ", "};
  }
  if (!map.is_map() || map.size() == 0) return std::nullopt;
  // Block map: after the last line of its last entry.
  std::size_t indent = map.column() - 1;
  NodeRef last_key = map.key_at(map.size() - 1);
  bool last_is_seq = map.at(map.size() - 1).is_seq();
  std::size_t last_line = last_key.line() - 1;
  for (std::size_t l = last_line + 1; l < lines.line_count(); ++l) {
    std::string_view line = lines.line(l);
    if (blank_or_comment(line)) continue;
    std::size_t i = indent_of(line);
    if (i > indent || (i == indent && last_is_seq && line[i] == '-' &&
                       (i + 1 == line.size() || line[i + 1] == ' '))) {
      last_line = l;
      continue;
    }
    break;
  }
  std::size_t insert_at = lines.line_offset(last_line + 1);
  std::string entry = block_entry(keys, value, indent);
  if (insert_at >= text.size() && !text.empty() && text.back() != '\n') {
    entry.insert(entry.begin(), '\n');
  }
  return ByteEdit{insert_at, insert_at, entry};
}

}  // namespace

std::size_t node_offset(const LineIndex& lines, NodeRef node) {
  if (node.line() == 0) return lines.line_offset(lines.line_count());
  return lines.line_offset(node.line() - 1) + (node.column() - 1);
}

std::size_t token_end(std::string_view text, std::size_t offset, bool flow) {
  if (offset >= text.size()) return text.size();
  char quote = text[offset];
  if (quote == '"' || quote == '\'') {
    for (std::size_t i = offset + 1; i < text.size(); ++i) {
      if (quote == '"' && text[i] == '\\') {
        ++i;
      } else if (text[i] == quote) {
        if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
          ++i;
        } else {
          return i + 1;
        }
      }
    }
    return text.size();
  }
  std::size_t i = offset;
  while (i < text.size() && text[i] != '\n' && text[i] != '\r') {
    if (text[i] == '#' && i > offset &&
        (text[i - 1] == ' ' || text[i - 1] == '\t'))
      break;
    if (flow && (text[i] == ',' || text[i] == '}' || text[i] == ']')) break;
    ++i;
  }
  while (i > offset && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
  return i;
}

std::string apply_edits(std::string_view text, std::vector<ByteEdit> edits) {
  std::sort(
      edits.begin(), edits.end(),
      [](const ByteEdit& a, const ByteEdit& b) { return a.begin > b.begin; });
  std::string out(text);
  for (const ByteEdit& e : edits) {
    std::size_t begin = std::min(e.begin, out.size());
    std::size_t end = std::clamp(e.end, begin, out.size());
    out.replace(begin, end - begin, e.text);
  }
  return out;
}

std::optional<ByteEdit> set_value(std::string_view text, const LineIndex& lines,
                                  NodeRef map,
                                  std::span<const std::string_view> keys,
                                  std::string_view value) {
  NodeRef current = map;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (!current.is_map()) return std::nullopt;
    bool flow = is_flow(text, lines, current);
    NodeRef child = current.get(keys[i]);
    std::span<const std::string_view> rest = keys.subspan(i);
    if (!child.valid()) return insert_entry(text, lines, current, rest, value);
    bool last = i + 1 == keys.size();
    if (child.is_scalar() && last) {
      if (child.str() == value) return std::nullopt;
      std::size_t at = node_offset(lines, child);
      return ByteEdit{at, token_end(text, at, flow), std::string(value)};
    }
    if (child.is_map() && !last) {
      current = child;
      continue;
    }
    if (!child.is_null() || flow) return std::nullopt;
    // `key:` with no value, `key: ~` or `key: null`: write after the colon.
    NodeRef key = current.key_node(keys[i]);
    std::size_t key_at = node_offset(lines, key);
    std::size_t colon = key_at;
    if (colon < text.size() && (text[colon] == '"' || text[colon] == '\''))
      colon = token_end(text, colon, false);
    auto ends_key = [&](std::size_t c) {
      return text[c] == ':' && (c + 1 == text.size() || text[c + 1] == ' ' ||
                                text[c + 1] == '\n' || text[c + 1] == '\r');
    };
    while (colon < text.size() && text[colon] != '\n' && !ends_key(colon))
      ++colon;
    if (colon >= text.size() || !ends_key(colon)) return std::nullopt;
    std::size_t line_end = token_end(text, colon + 1, false);
    if (last) return ByteEdit{colon + 1, line_end, " " + std::string(value)};
    std::string nested =
        "\n" + block_entry(keys.subspan(i + 1), value, key.column() - 1 + 2);
    nested.pop_back();  // the line break after the value is already there
    return ByteEdit{colon + 1, line_end, nested};
  }
  return std::nullopt;
}

}  // namespace launchlint::lsp
