#include "linter/config/yaml_json.h"

#include <charconv>
#include <cstdlib>

#include <re2/re2.h>

namespace launchlint {

namespace {

bool as_number(std::string_view s, rapidjson::Value* out) {
  static const RE2 kInt("[-+]?[0-9]+");
  static const RE2 kFloat("[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+|[0-9]+)([eE][-+]?[0-9]+)?");
  if (RE2::FullMatch(s, kInt)) {
    long long v = 0;
    std::string_view digits = s.front() == '+' ? s.substr(1) : s;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
    if (ec == std::errc() && end == digits.data() + digits.size()) {
      out->SetInt64(v);
      return true;
    }
  }
  if (RE2::FullMatch(s, kFloat)) {
    out->SetDouble(std::strtod(std::string(s).c_str(), nullptr));
    return true;
  }
  return false;
}

void convert(NodeRef node, const std::string& pointer, JsonWithNodes* out,
             rapidjson::Value* value, int depth) {
  auto& alloc = out->json.GetAllocator();
  out->nodes[pointer] = node;
  if (depth > 200) {
    value->SetNull();
    return;
  }
  switch (node.type()) {
    case NodeType::Null:
      value->SetNull();
      return;
    case NodeType::Scalar: {
      std::string_view s = node.str();
      if (!node.quoted()) {
        if (s == "true" || s == "True" || s == "TRUE") {
          value->SetBool(true);
          return;
        }
        if (s == "false" || s == "False" || s == "FALSE") {
          value->SetBool(false);
          return;
        }
        if (as_number(s, value)) return;
      }
      value->SetString(s.data(), static_cast<rapidjson::SizeType>(s.size()),
                       alloc);
      return;
    }
    case NodeType::Seq:
      value->SetArray();
      for (std::uint32_t i = 0; i < node.size(); ++i) {
        rapidjson::Value item;
        convert(node.at(i), pointer + "/" + std::to_string(i), out, &item,
                depth + 1);
        value->PushBack(item, alloc);
      }
      return;
    case NodeType::Map:
      value->SetObject();
      for (std::uint32_t i = 0; i < node.size(); ++i) {
        std::string_view k = node.key_at(i).str();
        std::string child = pointer + "/" + pointer_token(k);
        out->keys[child] = node.key_at(i);
        rapidjson::Value key(k.data(), static_cast<rapidjson::SizeType>(k.size()),
                             alloc);
        rapidjson::Value item;
        convert(node.at(i), child, out, &item, depth + 1);
        value->AddMember(key, item, alloc);
      }
      return;
  }
}

}  // namespace

std::string pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

void yaml_to_json(NodeRef root, JsonWithNodes* out) {
  out->json.SetNull();
  out->nodes.clear();
  out->keys.clear();
  convert(root, "", out, &out->json, 0);
}

}  // namespace launchlint
