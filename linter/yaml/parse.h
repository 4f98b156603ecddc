#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "linter/yaml/document.h"

namespace launchlint {

struct ParseLimits {
  std::uint32_t max_depth = 1000;
  // Nodes a document may hold once its aliases are expanded (billion laughs).
  std::uint64_t max_expanded_nodes = 2'000'000;
};

// A problem found while reading YAML; becomes a finding of rule `rule`
// ("yaml-syntax" or "duplicate-key").
struct ParseDiagnostic {
  std::string_view rule;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string message;
};

struct ParsedStream {
  std::vector<std::shared_ptr<const Document>> documents;
  std::vector<ParseDiagnostic> diagnostics;
  std::size_t empty_documents = 0;
};

// Parses a multi-document YAML (or JSON) stream with yaml-cpp's event API.
// Never throws: syntax errors become diagnostics, and parsing resumes at the
// next "---" line after the error. Line numbers start at `first_line`.
ParsedStream parse_stream(std::string_view text,
                          std::shared_ptr<const std::string> file,
                          const ParseLimits& limits = {},
                          std::uint32_t first_line = 1);

// Checks that `text` is UTF-8 without NUL bytes; on failure fills line/column
// (1-based) and a message.
bool check_encoding(std::string_view text, ParseDiagnostic* error);

}  // namespace launchlint
