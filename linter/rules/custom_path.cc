// Paths of custom rules: parsing ("podSpec.containers[*].image") and
// printing their steps.
#include <algorithm>

#include <fmt/format.h>

#include "linter/rules/custom_rule.h"

namespace launchlint {

namespace {

bool bare_key_char(char c) {
  return c != '.' && c != '[' && c != ']' && c != '"' && c != ' ' && c != '\t';
}

// A key as path text: bare when it can be, else quoted.
std::string key_text(std::string_view key) {
  bool plain =
      !key.empty() && std::all_of(key.begin(), key.end(), bare_key_char);
  if (plain) return std::string(key);
  std::string out = "\"";
  for (char c : key) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

}  // namespace

std::string path_step_text(const CustomPathStep& s, bool first) {
  switch (s.kind) {
    case CustomPathStep::Kind::Key:
      return (first ? "" : ".") + key_text(s.key);
    case CustomPathStep::Kind::Index:
      return fmt::format("[{}]", s.index);
    case CustomPathStep::Kind::Each:
      return "[*]";
    case CustomPathStep::Kind::Where:
      return fmt::format("[{}={}]", s.key, s.value);
  }
  return {};
}

namespace {

// A quoted key at text[*i] == '"'; advances past the closing quote.
bool quoted_key(std::string_view text, std::size_t* i, std::string* out) {
  for (++*i; *i < text.size(); ++*i) {
    char c = text[*i];
    if (c == '\\' && *i + 1 < text.size()) {
      out->push_back(text[++*i]);
    } else if (c == '"') {
      ++*i;
      return true;
    } else {
      out->push_back(c);
    }
  }
  return false;
}

}  // namespace

bool parse_custom_path(std::string_view text, CustomPath* out,
                       std::string* error, std::size_t* offset) {
  out->text = std::string(text);
  out->steps.clear();
  out->root = CustomPath::Root::Object;
  std::size_t i = 0;
  auto fail = [&](std::string message) {
    *error = std::move(message);
    *offset = i;
    return false;
  };
  if (text.empty()) return fail("the path is empty");
  for (bool first = true;; first = false) {
    std::string key;
    bool quoted = i < text.size() && text[i] == '"';
    if (quoted) {
      if (!quoted_key(text, &i, &key)) return fail("unclosed quote");
    } else {
      std::size_t start = i;
      while (i < text.size() && bare_key_char(text[i])) ++i;
      key = std::string(text.substr(start, i - start));
      if (key.empty()) {
        return fail(i < text.size()
                        ? fmt::format("expected a key before \"{}\"", text[i])
                        : std::string("expected a key at the end"));
      }
    }
    bool virtual_root =
        first && !quoted && (i == text.size() || text[i] == '.');
    if (virtual_root && key == "podSpec") {
      out->root = CustomPath::Root::PodSpec;
    } else if (virtual_root && key == "container") {
      out->root = CustomPath::Root::Container;
    } else {
      out->steps.push_back({CustomPathStep::Kind::Key, key, {}, 0});
    }
    while (i < text.size() && text[i] == '[') {
      std::size_t close = text.find(']', i);
      if (close == std::string_view::npos) return fail("unclosed \"[\"");
      std::string_view inside = text.substr(i + 1, close - i - 1);
      CustomPathStep s;
      std::size_t eq = inside.find('=');
      if (inside == "*") {
        s.kind = CustomPathStep::Kind::Each;
      } else if (!inside.empty() &&
                 std::all_of(inside.begin(), inside.end(),
                             [](char c) { return c >= '0' && c <= '9'; })) {
        if (inside.size() > 9) return fail("index too large");
        s.kind = CustomPathStep::Kind::Index;
        s.index = static_cast<std::uint32_t>(std::stoul(std::string(inside)));
      } else if (eq != std::string_view::npos && eq > 0) {
        s.kind = CustomPathStep::Kind::Where;
        s.key = std::string(inside.substr(0, eq));
        std::string_view v = inside.substr(eq + 1);
        if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') &&
            v.back() == v.front())
          v = v.substr(1, v.size() - 2);
        s.value = std::string(v);
      } else {
        return fail(
            fmt::format("\"[{}]\": expected [*], [N] or [key=value]", inside));
      }
      out->steps.push_back(std::move(s));
      i = close + 1;
    }
    if (i == text.size()) return true;
    if (text[i] != '.')
      return fail(
          fmt::format("unexpected \"{}\"; keys are joined by \".\"", text[i]));
    ++i;
  }
}

}  // namespace launchlint
