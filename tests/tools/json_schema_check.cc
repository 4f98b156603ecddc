// Validates JSON files against a JSON Schema (draft-04) with rapidjson.
// Usage: json_schema_check SCHEMA FILE...
// Exit 0 when every file is valid, 1 when one is not, 2 on a usage error.

#include <fstream>
#include <iostream>
#include <sstream>

#include "tests/tools/schema_check.h"

namespace {

bool read(const char* path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: json_schema_check SCHEMA FILE...\n";
    return 2;
  }
  std::string schema;
  if (!read(argv[1], &schema)) {
    std::cerr << "json_schema_check: cannot read " << argv[1] << '\n';
    return 2;
  }
  int status = 0;
  for (int i = 2; i < argc; ++i) {
    std::string text;
    if (!read(argv[i], &text)) {
      std::cerr << "json_schema_check: cannot read " << argv[i] << '\n';
      return 2;
    }
    std::string errors = launchlint::schema_errors(schema, text);
    if (errors.empty()) {
      std::cout << argv[i] << ": valid against " << argv[1] << '\n';
    } else {
      std::cerr << argv[i] << ": " << errors << '\n';
      status = 1;
    }
  }
  return status;
}
