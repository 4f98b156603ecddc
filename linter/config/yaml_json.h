#pragma once

#include <map>
#include <string>

#include <rapidjson/document.h>

#include "linter/yaml/document.h"

namespace launchlint {

// A YAML tree as JSON, with the YAML node behind every JSON pointer
// ("/exceptions/0/rule"), so schema errors can name a line.
struct JsonWithNodes {
  rapidjson::Document json;
  std::map<std::string, NodeRef> nodes;  // JSON pointer -> value node
  std::map<std::string, NodeRef> keys;   // JSON pointer -> key node
};

// Plain scalars become numbers, booleans or null as YAML 1.2 core schema
// reads them; quoted scalars stay strings.
void yaml_to_json(NodeRef root, JsonWithNodes* out);

// Escapes one JSON-pointer token (~ -> ~0, / -> ~1).
std::string pointer_token(std::string_view key);

}  // namespace launchlint
