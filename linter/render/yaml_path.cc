#include "linter/render/yaml_path.h"

namespace launchlint {

std::vector<PathStep> parse_yaml_path(std::string_view path) {
  std::vector<PathStep> out;
  std::size_t i = 0;
  while (i < path.size()) {
    char c = path[i];
    if (c == '.') {
      ++i;
    } else if (c == '[') {
      std::size_t close = path.find(']', i);
      if (close == std::string_view::npos) break;
      PathStep s;
      s.index = 0;
      for (std::size_t k = i + 1; k < close; ++k) {
        if (path[k] < '0' || path[k] > '9') break;
        s.index = s.index * 10 + (path[k] - '0');
      }
      out.push_back(s);
      i = close + 1;
    } else if (c == '"') {
      std::size_t close = path.find('"', i + 1);
      if (close == std::string_view::npos) close = path.size();
      out.push_back({std::string(path.substr(i + 1, close - i - 1)), -1});
      i = close + 1;
    } else {
      std::size_t end = path.find_first_of(".[", i);
      if (end == std::string_view::npos) end = path.size();
      out.push_back({std::string(path.substr(i, end - i)), -1});
      i = end;
    }
  }
  return out;
}

std::string format_yaml_path(const std::vector<PathStep>& steps) {
  std::string out;
  for (const PathStep& s : steps) {
    if (s.is_index()) {
      out += "[" + std::to_string(s.index) + "]";
      continue;
    }
    if (!out.empty()) out += '.';
    if (s.key.find_first_of(".[]\"") != std::string::npos) {
      out += '"' + s.key + '"';
    } else {
      out += s.key;
    }
  }
  return out;
}

std::size_t follow_path(NodeRef node, const std::vector<PathStep>& steps,
                        NodeRef* last, NodeRef* last_value) {
  *last = node;
  if (last_value) *last_value = node;
  std::size_t n = 0;
  for (const PathStep& s : steps) {
    NodeRef next, at;
    if (s.is_index()) {
      if (!node.is_seq() || static_cast<std::uint32_t>(s.index) >= node.size())
        break;
      next = at = node.at(static_cast<std::uint32_t>(s.index));
    } else {
      next = node.get(s.key);
      if (!next.valid()) break;
      at = node.key_node(s.key);
    }
    node = next;
    *last = at;
    if (last_value) *last_value = next;
    ++n;
  }
  return n;
}

namespace {

NodeRef search_at(NodeRef node, std::uint32_t line, std::uint32_t column,
                  int depth) {
  if (depth > 256 || !node.valid()) return {};
  if (node.line() == line && node.column() == column && !node.is_map() &&
      !node.is_seq())
    return node;
  for (std::uint32_t i = 0; i < node.size(); ++i) {
    if (node.is_map()) {
      NodeRef key = node.key_at(i);
      if (key.line() == line && key.column() == column) return key;
    }
    NodeRef found = search_at(node.at(i), line, column, depth + 1);
    if (found.valid()) return found;
  }
  return {};
}

}  // namespace

NodeRef node_at(NodeRef root, std::uint32_t line, std::uint32_t column) {
  return search_at(root, line, column, 0);
}

}  // namespace launchlint
