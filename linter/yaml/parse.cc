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

// Builds a Document from yaml-cpp events. The children of an open map or
// sequence wait in `pending_`; when it closes they move, side by side, to the
// document's node array. An alias copies its anchor's node, so the subtree is
// shared, and its expanded size counts against a budget.
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
  // Where the last document began.
  std::uint32_t start_line() const { return start_line_; }
  std::uint32_t start_column() const { return start_column_; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    start_line_ = line(mark);
    start_column_ = column(mark);
    doc_ = std::make_shared<Document>();
    doc_->pool_ = pool_;
    nodes_.clear();
    spans_.clear();
    span_size_.clear();
    frames_.clear();
    pending_.clear();
    anchors_.clear();
    alias_expansion_ = 0;
    end_line_ = 0;
  }

  void OnDocumentEnd() override {
    if (pending_.empty()) return;
    doc_->root_ = static_cast<std::uint32_t>(nodes_.size());
    nodes_.push_back(pending_.back());
    doc_->nodes_.assign(nodes_.begin(), nodes_.end());
    doc_->spans_.assign(spans_.begin(), spans_.end());
    doc_->end_line = end_line_;
  }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    add(make(mark, NodeType::Null), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (anchor >= anchors_.size() || !anchors_[anchor].complete) {
      throw Abort{line(mark), column(mark),
                  "alias refers to an anchor that is not complete (recursive "
                  "alias)"};
    }
    const Node& target = anchors_[anchor].node;
    alias_expansion_ += expanded(target);
    if (alias_expansion_ > limits_.max_expanded_nodes) {
      throw Abort{target.line, target.column,
                  fmt::format("aliases expand to more than {} nodes; the "
                              "document is not loaded (alias bomb?)",
                              limits_.max_expanded_nodes)};
    }
    add(target, YAML::NullAnchor);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag,
                YAML::anchor_t anchor, const std::string& value) override {
    bool plain = std::string_view(tag) == "?";
    std::string_view v = value;
    if (plain && (v == "null" || v == "Null" || v == "NULL" || v == "~")) {
      OnNull(mark, anchor);
      return;
    }
    Node n = make(mark, NodeType::Scalar);
    n.quoted = !plain;
    n.payload = pool_->intern(value);
    add(n, anchor);
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
  struct Frame {
    Node node;  // the map or sequence, its span not yet known
    std::uint32_t pending_start;
    YAML::anchor_t anchor;
  };
  struct Anchor {
    Node node;
    bool complete = false;
  };

  std::uint32_t line(const YAML::Mark& m) const {
    return static_cast<std::uint32_t>(m.line) + line_offset_;
  }
  static std::uint32_t column(const YAML::Mark& m) {
    return static_cast<std::uint32_t>(
        std::min<long>(m.column + 1, Node::kMaxColumn));
  }

  Node make(const YAML::Mark& mark, NodeType type) {
    if (nodes_.size() + pending_.size() >= limits_.max_nodes) {
      throw Abort{line(mark), column(mark),
                  fmt::format("document has more than {} nodes; the document "
                              "is not loaded",
                              limits_.max_nodes)};
    }
    Node n;
    n.line = line(mark);
    n.column = column(mark);
    n.type = static_cast<std::uint32_t>(type);
    end_line_ = std::max(end_line_, n.line);
    return n;
  }

  bool is_container(const Node& n) const {
    return n.type == static_cast<std::uint32_t>(NodeType::Map) ||
           n.type == static_cast<std::uint32_t>(NodeType::Seq);
  }
  std::uint64_t expanded(const Node& n) const {
    return is_container(n) ? span_size_[n.payload] : 1;
  }

  // A complete node joins its parent's children (or becomes the root).
  void add(const Node& n, YAML::anchor_t anchor) {
    pending_.push_back(n);
    if (anchor != YAML::NullAnchor) remember(anchor, n, true);
  }

  void remember(YAML::anchor_t anchor, const Node& n, bool complete) {
    if (anchors_.size() <= anchor) anchors_.resize(anchor + 1);
    anchors_[anchor] = {n, complete};
  }

  void open(const YAML::Mark& mark, NodeType type, YAML::anchor_t anchor) {
    if (frames_.size() >= limits_.max_depth) {
      throw Abort{line(mark), column(mark),
                  fmt::format("nesting deeper than {} levels; the document "
                              "is not loaded",
                              limits_.max_depth)};
    }
    Node n = make(mark, type);
    frames_.push_back({n, static_cast<std::uint32_t>(pending_.size()), anchor});
    if (anchor != YAML::NullAnchor) remember(anchor, n, false);
  }

  void close() {
    Frame f = frames_.back();
    frames_.pop_back();
    bool map = f.node.type == static_cast<std::uint32_t>(NodeType::Map);
    if (map) {
      if ((pending_.size() - f.pending_start) % 2 != 0)
        pending_.push_back(Node{});
      resolve_merge_keys(f.pending_start);
      report_duplicate_keys(f.pending_start);
    }
    auto count = static_cast<std::uint32_t>(pending_.size() - f.pending_start);
    std::uint64_t size = 1;
    for (std::size_t k = f.pending_start; k < pending_.size(); ++k)
      size += expanded(pending_[k]);
    Span span{static_cast<std::uint32_t>(nodes_.size()),
              map ? count / 2 : count};
    nodes_.insert(nodes_.end(), pending_.begin() + f.pending_start,
                  pending_.end());
    pending_.resize(f.pending_start);
    f.node.payload = static_cast<std::uint32_t>(spans_.size());
    spans_.push_back(span);
    span_size_.push_back(size);
    add(f.node, f.anchor);
  }

  std::string_view key_text(const Node& n) const {
    if (n.type != static_cast<std::uint32_t>(NodeType::Scalar)) return {};
    return pool_->get(n.payload);
  }

  bool is_merge_key(const Node& key) const {
    return key.type == static_cast<std::uint32_t>(NodeType::Scalar) &&
           !key.quoted && key_text(key) == "<<";
  }

  // "<<: *base" and "<<: [*a, *b]" copy the entries the map does not set.
  void resolve_merge_keys(std::uint32_t start) {
    // Most maps have no merge key: look before allocating anything.
    bool any = false;
    for (std::size_t k = start; k + 1 < pending_.size() && !any; k += 2)
      any = is_merge_key(pending_[k]);
    if (!any) return;
    std::vector<Node> sources;
    std::vector<Node> own;
    for (std::size_t k = start; k + 1 < pending_.size(); k += 2) {
      const Node& key = pending_[k];
      if (is_merge_key(key)) {
        const Node& v = pending_[k + 1];
        if (v.type == static_cast<std::uint32_t>(NodeType::Map)) {
          sources.push_back(v);
        } else if (v.type == static_cast<std::uint32_t>(NodeType::Seq)) {
          const Span& elements = spans_[v.payload];
          for (std::uint32_t e = 0; e < elements.count; ++e)
            sources.push_back(nodes_[elements.first + e]);
        }
      } else {
        own.push_back(key);
        own.push_back(pending_[k + 1]);
      }
    }
    if (sources.empty()) return;
    std::unordered_set<std::string_view> seen;
    for (std::size_t k = 0; k < own.size(); k += 2)
      seen.insert(key_text(own[k]));
    for (const Node& m : sources) {
      if (m.type != static_cast<std::uint32_t>(NodeType::Map)) continue;
      const Span& entries = spans_[m.payload];
      for (std::uint32_t e = 0; e < entries.count; ++e) {
        const Node& key = nodes_[entries.first + 2 * e];
        if (!seen.insert(key_text(key)).second) continue;
        own.push_back(key);
        own.push_back(nodes_[entries.first + 2 * e + 1]);
      }
    }
    pending_.resize(start);
    pending_.insert(pending_.end(), own.begin(), own.end());
  }

  void report_duplicate_keys(std::uint32_t start) {
    auto pairs = static_cast<std::uint32_t>((pending_.size() - start) / 2);
    if (pairs < 2) return;
    auto report = [&](const Node& a, const Node& b) {
      if (b.line == a.line && b.column == a.column) return;  // merged entry
      diagnostics_->push_back(
          {"duplicate-key", b.line, b.column,
           fmt::format("duplicate key \"{}\" (first set at line {}); "
                       "Kubernetes rejects or silently drops one of them",
                       key_text(b), a.line)});
    };
    if (pairs <= 16) {
      for (std::uint32_t i = 1; i < pairs; ++i) {
        const Node& again = pending_[start + 2 * i];
        std::string_view k = key_text(again);
        if (k.empty()) continue;
        for (std::uint32_t j = 0; j < i; ++j) {
          const Node& first = pending_[start + 2 * j];
          if (key_text(first) == k) {
            report(first, again);
            break;
          }
        }
      }
      return;
    }
    std::unordered_map<std::string_view, std::uint32_t> first;
    first.reserve(pairs);
    for (std::uint32_t i = 0; i < pairs; ++i) {
      std::uint32_t key = start + 2 * i;
      std::string_view k = key_text(pending_[key]);
      if (k.empty()) continue;
      auto [it, inserted] = first.emplace(k, key);
      if (!inserted) report(pending_[it->second], pending_[key]);
    }
  }

  const ParseLimits& limits_;
  std::uint32_t line_offset_;
  std::shared_ptr<StringPool> pool_;
  std::vector<ParseDiagnostic>* diagnostics_;
  std::shared_ptr<Document> doc_;
  // Scratch, reused from document to document.
  std::vector<Node> nodes_;
  std::vector<Span> spans_;
  std::vector<std::uint64_t> span_size_;  // expanded nodes under each span
  std::vector<Frame> frames_;
  std::vector<Node> pending_;
  std::vector<Anchor> anchors_;
  std::uint64_t alias_expansion_ = 0;
  std::uint32_t end_line_ = 0;
  std::uint32_t start_line_ = 0;
  std::uint32_t start_column_ = 0;
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
  // Line and column (bytes, as yaml-cpp counts) are worked out only for an
  // error, so the common case is a scan of eight bytes at a time.
  auto fail = [&](std::size_t at, std::string message) {
    std::string_view before = text.substr(0, at);
    std::size_t newline = before.rfind('\n');
    error->rule = "yaml-syntax";
    error->line = static_cast<std::uint32_t>(
        1 + std::count(before.begin(), before.end(), '\n'));
    error->column = static_cast<std::uint32_t>(
        newline == std::string_view::npos ? at + 1 : at - newline);
    error->message = std::move(message);
    return false;
  };
  constexpr std::uint64_t kOnes = 0x0101010101010101u;
  constexpr std::uint64_t kHighs = 0x8080808080808080u;
  std::size_t i = 0;
  while (i < text.size()) {
    // ASCII without NUL: no high bit set and no zero byte.
    while (i + 8 <= text.size()) {
      std::uint64_t w;
      std::memcpy(&w, text.data() + i, 8);
      if ((w & kHighs) || ((w - kOnes) & ~w & kHighs)) break;
      i += 8;
    }
    if (i >= text.size()) break;
    auto c = static_cast<unsigned char>(text[i]);
    if (c == 0) return fail(i, "NUL byte: this is a binary file, not YAML");
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = (c >> 5) == 6    ? 2
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
      return fail(i, fmt::format("invalid UTF-8 byte 0x{:02X}: manifests "
                                 "must be UTF-8 encoded",
                                 c));
    }
    i += len;
  }
  return true;
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
    for (int documents = 1; parser.HandleNextDocument(builder); ++documents) {
      if (documents > 1) {
        // A chunk holds one document at most: yaml-cpp reads a stray "," or
        // "]" after a flow document as an endless run of empty documents.
        out->diagnostics.push_back(
            {"yaml-syntax", builder.start_line(), builder.start_column(),
             "YAML syntax error: unexpected text after the end of the "
             "document"});
        break;
      }
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

void parse_document(std::string_view chunk,
                    const std::shared_ptr<const std::string>& file,
                    const ParseLimits& limits, std::uint32_t first_line,
                    const std::shared_ptr<StringPool>& pool,
                    ParsedStream* out) {
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

void append_parsed(ParsedStream* into, ParsedStream part) {
  if (!part.documents.empty()) {
    Document& first = *part.documents.front();
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
                   pool, &part);
    append_parsed(&out, std::move(part));
  }
  return out;
}

}  // namespace launchlint
