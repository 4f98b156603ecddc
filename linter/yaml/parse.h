#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "linter/yaml/document.h"

namespace launchlint {

struct ParseLimits {
  // Below yaml-cpp's own recursion limit (500), so this message comes first.
  std::uint32_t max_depth = 400;
  // One document (between "---" markers) larger than this is refused unread:
  // no Kubernetes object comes close (the API server takes at most 3 MiB),
  // and the parser would take seconds.
  std::size_t max_document_bytes = std::size_t{8} << 20;
  // Nodes (keys, values, items) one document may hold; the largest real CRDs
  // have about 150,000.
  std::uint32_t max_nodes = 1'000'000;
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
  std::vector<std::shared_ptr<Document>> documents;
  std::vector<ParseDiagnostic> diagnostics;
  std::size_t empty_documents = 0;
  // A "# Source:" comment in a part of the stream that held no document: it
  // names the next document.
  std::string loose_source;
};

// One document's text in a stream: a line starting with "---" or "..."
// always ends a document, so the stream splits there without parsing.
struct DocumentChunk {
  std::size_t offset = 0;
  std::size_t size = 0;
  std::uint32_t first_line = 1;
};
std::vector<DocumentChunk> split_documents(std::string_view text,
                                           std::uint32_t first_line = 1);

// The same, one chunk at a time: reads the text only as far as it must.
class DocumentSplitter {
 public:
  explicit DocumentSplitter(std::string_view text, std::uint32_t first_line = 1)
      : text_(text), current_{0, 0, first_line}, line_(first_line) {}
  bool next(DocumentChunk* chunk);

 private:
  std::string_view text_;
  DocumentChunk current_;
  std::size_t pos_ = 0;
  std::uint32_t line_;
  bool done_ = false;
  bool any_ = false;
};

// Parses one chunk from split_documents (its first line is `first_line`) and
// appends its document, or its diagnostics, to `out`. Checks the encoding
// (UTF-8, no NUL) and the limits first. Never throws; thread-safe. Scalar
// text goes to `pool`, shared by the run's documents.
void parse_document(std::string_view chunk,
                    const std::shared_ptr<const std::string>& file,
                    const ParseLimits& limits, std::uint32_t first_line,
                    const std::shared_ptr<StringPool>& pool, ParsedStream* out);

// Appends the result of the next chunk of the same stream to `into`.
void append_parsed(ParsedStream* into, ParsedStream part);

// Parses a multi-document YAML (or JSON) stream with yaml-cpp's event API,
// one chunk after the other, into a pool of its own. Never throws: syntax
// errors become diagnostics, and parsing resumes at the next "---" line after
// the error. Line numbers start at `first_line`.
ParsedStream parse_stream(std::string_view text,
                          std::shared_ptr<const std::string> file,
                          const ParseLimits& limits = {},
                          std::uint32_t first_line = 1);

// Checks that `text` is UTF-8 without NUL bytes; on failure fills line/column
// (1-based) and a message.
bool check_encoding(std::string_view text, ParseDiagnostic* error);

}  // namespace launchlint
