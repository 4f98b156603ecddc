#include "linter/yaml/parse.h"

#include <algorithm>
#include <cstring>
#include <istream>
#include <streambuf>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace launchlint {

namespace {

// Reads a string_view through std::istream without copying it.
class ViewBuf : public std::streambuf {
 public:
  explicit ViewBuf(std::string_view s) {
    char* p = const_cast<char*>(s.data());
    setg(p, p, p + s.size());
  }
};

// Thrown from the event handler to stop a document.
struct Abort {
  std::uint32_t line, column;
  std::string message;
};

}  // namespace

// Builds a Document from yaml-cpp events. Aliases share the anchored node
// (the tree is a DAG) and their expanded size is counted against a budget.
class DocumentBuilder : public YAML::EventHandler {
 public:
  DocumentBuilder(const ParseLimits& limits, std::uint32_t line_offset,
                  std::shared_ptr<StringPool> pool,
                  std::vector<ParseDiagnostic>* diagnostics)
      : limits_(limits),
        line_offset_(line_offset),
        pool_(std::move(pool)),
        diagnostics_(diagnostics) {}

  std::shared_ptr<Document> take() { return std::move(doc_); }
  void OnDocumentStart(const YAML::Mark&) override {
    alias_expansion_ = 0;
    doc_ = std::make_shared<Document>();
    doc_->pool_ = pool_;
    frames_.clear();
    pending_.clear();
    expanded_.clear();
    anchors_.clear();
    has_root_ = false;
  }

  void OnDocumentEnd() override {
    doc_->nodes_.shrink_to_fit();
    doc_->children_.shrink_to_fit();
    doc_->text_.shrink_to_fit();
  }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    std::uint32_t i = add(mark, NodeType::Null, anchor);
    finish_leaf(i, anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (anchor >= anchors_.size() || anchors_[anchor] == kPending) {
      throw Abort{line(mark), column(mark),
                  "alias refers to an anchor that is not complete (recursive "
                  "alias)"};
    }
    std::uint32_t target = anchors_[anchor];
    attach(target);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag,
                YAML::anchor_t anchor, const std::string& value) override {
    bool plain = tag == "?";
    if (plain && (value == "null" || value == "Null" || value == "NULL" ||
                  value == "~")) {
      OnNull(mark, anchor);
      return;
    }
    std::uint32_t i = add(mark, NodeType::Scalar, anchor);
    Node& n = doc_->nodes_[i];
    n.quoted = !plain;
    n.b = static_cast<std::uint32_t>(value.size());
    if (pool_ && pool_->intern(value, &n.a)) {
      n.pooled = true;
    } else {
      n.a = static_cast<std::uint32_t>(doc_->text_.size());
      doc_->text_.append(value);
    }
    finish_leaf(i, anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&,
                       YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, NodeType::Seq, anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&,
                  YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    open(mark, NodeType::Map, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  static constexpr std::uint32_t kPending = 0xffffffffu;

  struct Frame {
    std::uint32_t node;
    std::uint32_t pending_start;
    YAML::anchor_t anchor;
  };

  std::uint32_t line(const YAML::Mark& m) const {
    return static_cast<std::uint32_t>(m.line) + line_offset_;
  }
  static std::uint32_t column(const YAML::Mark& m) {
    return static_cast<std::uint32_t>(m.column) + 1;
  }

  std::uint32_t add(const YAML::Mark& mark, NodeType type,
                    YAML::anchor_t anchor) {
    auto i = static_cast<std::uint32_t>(doc_->nodes_.size());
    if (i >= limits_.max_nodes) {
      throw Abort{line(mark), column(mark),
                  fmt::format("document has more than {} nodes; the document "
                              "is not loaded",
                              limits_.max_nodes)};
    }
    Node n;
    n.line = line(mark);
    n.column = column(mark);
    n.type = type;
    doc_->nodes_.push_back(n);
    expanded_.push_back(1);
    if (anchor != YAML::NullAnchor) {
      if (anchors_.size() <= anchor) anchors_.resize(anchor + 1, kPending);
      anchors_[anchor] = kPending;
    }
    if (!has_root_) {
      doc_->root_ = i;
      has_root_ = true;
    } else {
      pending_.push_back(i);
    }
    if (n.line > doc_->end_line) doc_->end_line = n.line;
    return i;
  }

  void attach(std::uint32_t target) {
    pending_.push_back(target);
    alias_expansion_ += expanded_[target];
    if (alias_expansion_ > limits_.max_expanded_nodes) {
      const Node& n = doc_->nodes_[target];
      throw Abort{n.line, n.column,
                  fmt::format("aliases expand to more than {} nodes; the "
                              "document is not loaded (alias bomb?)",
                              limits_.max_expanded_nodes)};
    }
  }

  void finish_leaf(std::uint32_t i, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) anchors_[anchor] = i;
  }

  void open(const YAML::Mark& mark, NodeType type, YAML::anchor_t anchor) {
    if (frames_.size() >= limits_.max_depth) {
      throw Abort{line(mark), column(mark),
                  fmt::format("nesting deeper than {} levels; the document "
                              "is not loaded",
                              limits_.max_depth)};
    }
    std::uint32_t i = add(mark, type, anchor);
    frames_.push_back({i, static_cast<std::uint32_t>(pending_.size()), anchor});
  }

  void close() {
    Frame f = frames_.back();
    frames_.pop_back();
    NodeType type = doc_->nodes_[f.node].type;
    std::uint32_t count =
        static_cast<std::uint32_t>(pending_.size()) - f.pending_start;
    if (type == NodeType::Map) {
      if (count % 2 != 0) pending_.push_back(add_null_value());
      resolve_merge_keys(f.pending_start);
      report_duplicate_keys(f.pending_start);
      count = static_cast<std::uint32_t>(pending_.size()) - f.pending_start;
    }
    Node& node = doc_->nodes_[f.node];  // add() may have reallocated
    node.a = static_cast<std::uint32_t>(doc_->children_.size());
    node.b = type == NodeType::Map ? count / 2 : count;
    std::uint64_t size = 1;
    for (std::uint32_t k = f.pending_start; k < pending_.size(); ++k) {
      doc_->children_.push_back(pending_[k]);
      size += expanded_[pending_[k]];
    }
    pending_.resize(f.pending_start);
    expanded_[f.node] = size;
    if (f.anchor != YAML::NullAnchor) anchors_[f.anchor] = f.node;
  }

  std::uint32_t add_null_value() {
    auto i = static_cast<std::uint32_t>(doc_->nodes_.size());
    doc_->nodes_.push_back(Node{});
    expanded_.push_back(1);
    return i;
  }

  std::string_view key_text(std::uint32_t i) const {
    return NodeRef(doc_.get(), i).str();
  }

  // "<<: *base" and "<<: [*a, *b]" copy the entries the map does not set.
  void resolve_merge_keys(std::uint32_t start) {
    std::vector<std::uint32_t> sources;
    std::vector<std::uint32_t> own;
    for (std::uint32_t k = start; k + 1 < pending_.size(); k += 2) {
      const Node& key = doc_->nodes_[pending_[k]];
      if (key.type == NodeType::Scalar && !key.quoted &&
          key_text(pending_[k]) == "<<") {
        const Node& v = doc_->nodes_[pending_[k + 1]];
        if (v.type == NodeType::Map) {
          sources.push_back(pending_[k + 1]);
        } else if (v.type == NodeType::Seq) {
          for (std::uint32_t e = 0; e < v.b; ++e)
            sources.push_back(doc_->children_[v.a + e]);
        }
      } else {
        own.push_back(pending_[k]);
        own.push_back(pending_[k + 1]);
      }
    }
    if (sources.empty()) return;
    std::unordered_set<std::string_view> seen;
    for (std::size_t k = 0; k < own.size(); k += 2)
      seen.insert(key_text(own[k]));
    for (std::uint32_t src : sources) {
      const Node& m = doc_->nodes_[src];
      if (m.type != NodeType::Map) continue;
      for (std::uint32_t e = 0; e < m.b; ++e) {
        std::uint32_t key = doc_->children_[m.a + 2 * e];
        std::uint32_t value = doc_->children_[m.a + 2 * e + 1];
        if (!seen.insert(key_text(key)).second) continue;
        own.push_back(key);
        own.push_back(value);
      }
    }
    pending_.resize(start);
    pending_.insert(pending_.end(), own.begin(), own.end());
  }

  void report_duplicate_keys(std::uint32_t start) {
    std::uint32_t pairs =
        (static_cast<std::uint32_t>(pending_.size()) - start) / 2;
    if (pairs < 2) return;
    auto report = [&](std::uint32_t first, std::uint32_t again) {
      const Node& a = doc_->nodes_[first];
      const Node& b = doc_->nodes_[again];
      if (b.line == a.line && b.column == a.column) return;  // merged entry
      diagnostics_->push_back(
          {"duplicate-key", b.line, b.column,
           fmt::format("duplicate key \"{}\" (first set at line {}); "
                       "Kubernetes rejects or silently drops one of them",
                       key_text(again), a.line)});
    };
    if (pairs <= 16) {
      for (std::uint32_t i = 1; i < pairs; ++i) {
        std::string_view k = key_text(pending_[start + 2 * i]);
        if (k.empty()) continue;
        for (std::uint32_t j = 0; j < i; ++j) {
          if (key_text(pending_[start + 2 * j]) == k) {
            report(pending_[start + 2 * j], pending_[start + 2 * i]);
            break;
          }
        }
      }
      return;
    }
    std::unordered_map<std::string_view, std::uint32_t> first;
    first.reserve(pairs);
    for (std::uint32_t i = 0; i < pairs; ++i) {
      std::uint32_t key = pending_[start + 2 * i];
      std::string_view k = key_text(key);
      if (k.empty()) continue;
      auto [it, inserted] = first.emplace(k, key);
      if (!inserted) report(it->second, key);
    }
  }

  const ParseLimits& limits_;
  std::uint32_t line_offset_;
  std::shared_ptr<StringPool> pool_;
  std::vector<ParseDiagnostic>* diagnostics_;
  std::shared_ptr<Document> doc_;
  std::vector<Frame> frames_;
  std::vector<std::uint32_t> pending_;
  std::vector<std::uint64_t> expanded_;
  std::vector<std::uint32_t> anchors_;
  std::uint64_t alias_expansion_ = 0;
  bool has_root_ = false;
};

namespace {

bool is_document_marker(std::string_view line) {
  if (line.size() < 3) return false;
  std::string_view head = line.substr(0, 3);
  if (head != "---" && head != "...") return false;
  return line.size() == 3 || line[3] == ' ' || line[3] == '\t' ||
         line[3] == '\r' || line[3] == '\n';
}

// The Helm "# Source: x" comment at the start of a line of `chunk` that comes
// last before line `before` (relative to `first_line`).
std::string_view helm_source_before(std::string_view chunk,
                                    std::uint32_t first_line,
                                    std::uint32_t before) {
  constexpr std::string_view kPrefix = "# Source: ";
  std::string_view found;
  std::size_t pos = 0;
  std::size_t counted = 0;
  std::uint32_t line = first_line;
  while ((pos = chunk.find(kPrefix, pos)) != std::string_view::npos) {
    line += static_cast<std::uint32_t>(
        std::count(chunk.begin() + counted, chunk.begin() + pos, '\n'));
    counted = pos;
    if (line >= before) break;
    if (pos == 0 || chunk[pos - 1] == '\n') {
      std::size_t eol = chunk.find('\n', pos);
      std::string_view src =
          chunk.substr(pos + kPrefix.size(), eol == std::string_view::npos
                                                 ? std::string_view::npos
                                                 : eol - pos - kPrefix.size());
      while (!src.empty() && (src.back() == '\r' || src.back() == ' '))
        src.remove_suffix(1);
      found = src;
    }
    pos += kPrefix.size();
  }
  return found;
}

// Flow collections nest without indentation, so a few bytes can nest a
// million levels; yaml-cpp scans such a document into memory before its own
// depth check. Counts brackets (a plain scalar may hold some: only a deep
// imbalance trips this) and answers the offset past the limit, or npos.
std::size_t flow_too_deep(std::string_view chunk, std::uint32_t max_depth) {
  std::uint32_t depth = 0;
  for (std::size_t i = 0; i < chunk.size(); ++i) {
    char c = chunk[i];
    if (c == '[' || c == '{') {
      if (++depth > max_depth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string_view::npos;
}

std::string human_size(std::size_t bytes) {
  if (bytes < (std::size_t{1} << 20)) return fmt::format("{} bytes", bytes);
  return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1 << 20));
}

// Line and 1-based column of `offset` in `chunk`.
void position_of(std::string_view chunk, std::uint32_t first_line,
                 std::size_t offset, std::uint32_t* line,
                 std::uint32_t* column) {
  std::string_view head = chunk.substr(0, offset);
  *line = first_line + static_cast<std::uint32_t>(
                           std::count(head.begin(), head.end(), '\n'));
  std::size_t bol = head.rfind('\n');
  *column = static_cast<std::uint32_t>(
      offset - (bol == std::string_view::npos ? 0 : bol + 1) + 1);
}

// Text of line `line` of `chunk`.
std::string_view line_text(std::string_view chunk, std::uint32_t first_line,
                           std::uint32_t line) {
  std::size_t pos = 0;
  for (std::uint32_t l = first_line; l < line; ++l) {
    pos = chunk.find('\n', pos);
    if (pos == std::string_view::npos) return {};
    ++pos;
  }
  std::size_t eol = chunk.find('\n', pos);
  return chunk.substr(pos, eol == std::string_view::npos ? eol : eol - pos);
}

std::string syntax_message(std::string_view chunk, std::uint32_t first_line,
                           std::uint32_t line, const std::string& what) {
  std::string message = "YAML syntax error: " + what;
  // Tabs are the most common cause: YAML forbids them in indentation.
  std::string_view text = line_text(chunk, first_line, line);
  std::size_t indent = text.find_first_not_of(" \t");
  if (text.substr(0, indent).find('\t') != std::string_view::npos) {
    message +=
        " (the line is indented with a tab; YAML indentation must be "
        "spaces)";
  }
  return message;
}

}  // namespace

bool DocumentSplitter::next(DocumentChunk* chunk) {
  while (!done_) {
    if (pos_ >= text_.size()) {
      done_ = true;
      current_.size = text_.size() - current_.offset;
      if (current_.size == 0 && any_) return false;
      *chunk = current_;
      return true;
    }
    std::size_t pos = pos_;
    const char* nl = static_cast<const char*>(
        std::memchr(text_.data() + pos, '\n', text_.size() - pos));
    std::size_t end =
        nl ? static_cast<std::size_t>(nl - text_.data()) + 1 : text_.size();
    std::uint32_t line = line_;
    pos_ = end;
    ++line_;
    if (!is_document_marker(
            text_.substr(pos, std::min<std::size_t>(end - pos, 4))))
      continue;
    DocumentChunk found = current_;
    found.size = pos - found.offset;
    // "..." ends the document before it; "---" starts the next one.
    current_ = text_[pos] == '.' ? DocumentChunk{end, 0, line + 1}
                                 : DocumentChunk{pos, 0, line};
    if (found.size > 0) {
      any_ = true;
      *chunk = found;
      return true;
    }
  }
  return false;
}

std::vector<DocumentChunk> split_documents(std::string_view text,
                                           std::uint32_t first_line) {
  std::vector<DocumentChunk> chunks;
  DocumentSplitter splitter(text, first_line);
  DocumentChunk c;
  while (splitter.next(&c)) chunks.push_back(c);
  return chunks;
}

bool check_encoding(std::string_view text, ParseDiagnostic* error) {
  std::uint32_t line = 1, column = 1;
  std::size_t i = 0;
  auto fail = [&](std::string message) {
    error->rule = "yaml-syntax";
    error->line = line;
    error->column = column;
    error->message = std::move(message);
    return false;
  };
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == 0) return fail("NUL byte: this is a binary file, not YAML");
    if (c == '\n') {
      ++line;
      column = 1;
      ++i;
      continue;
    }
    std::size_t len = c < 0x80         ? 1
                      : (c >> 5) == 6  ? 2
                      : (c >> 4) == 14 ? 3
                      : (c >> 3) == 30 ? 4
                                       : 0;
    bool ok = len != 0 && i + len <= text.size();
    for (std::size_t k = 1; ok && k < len; ++k)
      ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (ok && len == 2 && c < 0xC2) ok = false;  // overlong
    if (ok && len == 3) {
      auto c1 = static_cast<unsigned char>(text[i + 1]);
      if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) ok = false;
    }
    if (ok && len == 4) {
      auto c1 = static_cast<unsigned char>(text[i + 1]);
      if ((c == 0xF0 && c1 < 0x90) || c > 0xF4 || (c == 0xF4 && c1 >= 0x90))
        ok = false;
    }
    if (!ok) {
      return fail(fmt::format(
          "invalid UTF-8 byte 0x{:02X}: manifests must be UTF-8 encoded", c));
    }
    i += len;
    ++column;
  }
  return true;
}

static void parse_chunk(std::string_view chunk,
                        const std::shared_ptr<const std::string>& file,
                        const ParseLimits& limits, std::uint32_t first_line,
                        const std::shared_ptr<StringPool>& pool,
                        ParsedStream* out);

void parse_document(std::string_view chunk,
                    const std::shared_ptr<const std::string>& file,
                    const ParseLimits& limits, std::uint32_t first_line,
                    ParsedStream* out,
                    const std::shared_ptr<StringPool>& pool) {
  if (chunk.size() > limits.max_document_bytes) {
    out->diagnostics.push_back(
        {"yaml-syntax", first_line, 1,
         fmt::format("document is {}, over the {} limit for one document "
                     "(the Kubernetes API accepts at most 3 MiB per object); "
                     "it is not loaded",
                     human_size(chunk.size()),
                     human_size(limits.max_document_bytes))});
    return;
  }
  ParseDiagnostic encoding;
  if (!check_encoding(chunk, &encoding)) {
    encoding.line += first_line - 1;
    out->diagnostics.push_back(std::move(encoding));
    return;
  }
  std::size_t deep = flow_too_deep(chunk, limits.max_depth);
  if (deep != std::string_view::npos) {
    std::uint32_t line = 0, column = 0;
    position_of(chunk, first_line, deep, &line, &column);
    out->diagnostics.push_back(
        {"yaml-syntax", line, column,
         fmt::format("nesting deeper than {} levels; the document is not "
                     "loaded",
                     limits.max_depth)});
    return;
  }
  std::size_t had = out->documents.size();
  parse_chunk(chunk, file, limits, first_line, pool, out);
  if (out->documents.size() == had) {
    out->loose_source =
        std::string(helm_source_before(chunk, first_line, 0xffffffffu));
  }
}

static void parse_chunk(std::string_view chunk,
                        const std::shared_ptr<const std::string>& file,
                        const ParseLimits& limits, std::uint32_t first_line,
                        const std::shared_ptr<StringPool>& pool,
                        ParsedStream* out) {
  ViewBuf buf(chunk);
  std::istream in(&buf);
  DocumentBuilder builder(limits, first_line, pool, &out->diagnostics);
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
      std::shared_ptr<Document> doc = builder.take();
      if (!doc || doc->root().is_null()) {
        ++out->empty_documents;
        continue;
      }
      doc->file = file;
      doc->start_line = doc->root().line();
      doc->helm_source =
          std::string(helm_source_before(chunk, first_line, doc->start_line));
      out->documents.push_back(std::move(doc));
    }
  } catch (const Abort& e) {
    out->diagnostics.push_back({"yaml-syntax", e.line, e.column, e.message});
  } catch (const YAML::DeepRecursion& e) {
    out->diagnostics.push_back(
        {"yaml-syntax", static_cast<std::uint32_t>(e.mark.line) + first_line,
         static_cast<std::uint32_t>(e.mark.column) + 1,
         "nesting deeper than the YAML parser's limit of 500 levels; the "
         "document is not loaded"});
  } catch (const YAML::Exception& e) {
    std::uint32_t line =
        e.mark.is_null() ? first_line
                         : static_cast<std::uint32_t>(e.mark.line) + first_line;
    std::uint32_t column =
        e.mark.is_null() ? 1 : static_cast<std::uint32_t>(e.mark.column) + 1;
    out->diagnostics.push_back(
        {"yaml-syntax", line, column,
         syntax_message(chunk, first_line, line, e.msg)});
  } catch (const std::exception& e) {
    out->diagnostics.push_back({"yaml-syntax", first_line, 1, e.what()});
  }
}

void append_parsed(ParsedStream* into, ParsedStream part) {
  if (!part.documents.empty()) {
    Document& first = const_cast<Document&>(*part.documents.front());
    if (first.helm_source.empty()) first.helm_source = into->loose_source;
    into->loose_source.clear();
  }
  if (!part.loose_source.empty()) into->loose_source = part.loose_source;
  into->empty_documents += part.empty_documents;
  if (into->documents.empty()) {
    into->documents = std::move(part.documents);
  } else {
    into->documents.insert(into->documents.end(),
                           std::make_move_iterator(part.documents.begin()),
                           std::make_move_iterator(part.documents.end()));
  }
  into->diagnostics.insert(into->diagnostics.end(),
                           std::make_move_iterator(part.diagnostics.begin()),
                           std::make_move_iterator(part.diagnostics.end()));
}

ParsedStream parse_stream(std::string_view text,
                          std::shared_ptr<const std::string> file,
                          const ParseLimits& limits, std::uint32_t first_line) {
  ParsedStream out;
  auto pool = std::make_shared<StringPool>();
  for (const DocumentChunk& c : split_documents(text, first_line)) {
    ParsedStream part;
    parse_document(text.substr(c.offset, c.size), file, limits, c.first_line,
                   &part, pool);
    append_parsed(&out, std::move(part));
  }
  return out;
}

}  // namespace launchlint
