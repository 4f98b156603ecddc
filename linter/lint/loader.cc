#include "linter/lint/loader.h"

#include <algorithm>

#include <fmt/format.h>

#include "linter/rules/registry.h"
#include "linter/util/parallel.h"

namespace launchlint {

struct Loader::Source {
  std::shared_ptr<const std::string> name;
  InputText text;
  ParsedStream carry;  // what passes from one chunk to the next
};

struct Loader::Task {
  Source* source;
  std::string_view chunk;
  std::uint32_t first_line;
  ParsedStream parsed;
  std::vector<DocumentObjects> objects;  // one entry per parsed document
};

namespace {
// Tasks per batch at most, so a stream of tiny documents still streams.
constexpr std::size_t kMaxTasks = 4096;
}  // namespace

Loader::Loader(const LoadOptions& options, Model* model,
               std::vector<Finding>* findings)
    : options_(options), model_(model), findings_(findings) {
  jobs_ = resolve_jobs(options.jobs);
  batch_bytes_ = options.batch_bytes
                     ? options.batch_bytes
                     : std::max<std::size_t>(std::size_t{8} << 20,
                                             (std::size_t{2} << 20) * jobs_);
}

Loader::~Loader() = default;

void Loader::add(std::string_view display, InputText text) {
  auto source = std::make_unique<Source>();
  source->text = std::move(text);
  std::string_view body = source->text.view();
  add(display, body, std::move(source));
}

void Loader::add(std::string_view display, std::string_view text) {
  add(display, text, std::make_unique<Source>());
}

void Loader::finish() { run_batch(nullptr); }

void Loader::add(std::string_view display, std::string_view body,
                 std::unique_ptr<Source> source) {
  source->name = std::make_shared<const std::string>(display);
  ++model_->stats.files;
  model_->stats.bytes += body.size();
  Source* s = source.get();
  sources_.push_back(std::move(source));
  if (body.starts_with("\xFF\xFE") || body.starts_with("\xFE\xFF")) {
    report(*s,
           {"yaml-syntax", 1, 1, "UTF-16 encoded file: convert it to UTF-8"});
    return;
  }
  std::size_t skip = body.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // UTF-8 BOM
  DocumentSplitter splitter(body.substr(skip));
  DocumentChunk c;
  while (splitter.next(&c)) {
    tasks_.push_back(
        {s, body.substr(skip + c.offset, c.size), c.first_line, {}, {}});
    pending_bytes_ += c.size;
    if (pending_bytes_ >= batch_bytes_ || tasks_.size() >= kMaxTasks)
      run_batch(s);
  }
}

// Parses the pending tasks on the worker threads, then hands their documents
// to the model in input order. Keeps `splitting` (still being split) alive.
void Loader::run_batch(const Source* splitting) {
  parallel_for(tasks_.size(), jobs_, [&](std::size_t i) {
    Task& t = tasks_[i];
    try {
      parse_document(t.chunk, t.source->name, options_.parse_limits,
                     t.first_line, model_->strings, &t.parsed);
      for (const auto& doc : t.parsed.documents)
        t.objects.push_back(read_document(doc, options_.default_namespace));
    } catch (const std::exception& e) {  // out of memory
      t.parsed.documents.clear();
      t.objects.clear();
      t.parsed.diagnostics.push_back(
          {"yaml-syntax", t.first_line, 1,
           fmt::format("document not loaded: {}", e.what())});
    }
  });

  for (Task& t : tasks_) {
    Source& s = *t.source;
    // A "# Source:" comment in a chunk without a document names the next one.
    std::size_t objects = t.objects.size();
    append_parsed(&s.carry, std::move(t.parsed));
    model_->stats.empty_documents += s.carry.empty_documents;
    s.carry.empty_documents = 0;
    s.carry.documents.clear();  // the objects hold them
    for (std::size_t k = 0; k < objects; ++k)
      model_->add(std::move(t.objects[k]));
    for (const ParseDiagnostic& d : s.carry.diagnostics) report(s, d);
    s.carry.diagnostics.clear();
    std::string_view all = s.text.view();
    if (!all.empty()) {
      s.text.release_before(static_cast<std::size_t>(
          t.chunk.data() + t.chunk.size() - all.data()));
    }
  }
  tasks_.clear();
  pending_bytes_ = 0;
  std::erase_if(sources_, [&](const std::unique_ptr<Source>& s) {
    return s.get() != splitting;
  });
}

void Loader::report(const Source& s, const ParseDiagnostic& d) {
  const Rule* rule = find_rule(d.rule);
  Finding f;
  f.rule = &rule->info;
  f.severity = rule->info.severity;
  f.strings = model_->strings;
  f.message = f.keep(d.message);
  f.location = {s.name, d.line, d.column};
  findings_->push_back(std::move(f));
}

}  // namespace launchlint
