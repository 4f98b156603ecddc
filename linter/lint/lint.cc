#include "linter/lint/lint.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <system_error>
#include <thread>

#include <fmt/format.h>

#include "linter/rules/registry.h"
#include "linter/rules/run.h"

namespace launchlint {

namespace {

// Loads inputs in batches: each batch's documents parse on `jobs` threads,
// then join the model in input order, so the output never depends on jobs.
// Pages of an input are handed back to the system once parsed.
class Loader {
 public:
  Loader(const LintOptions& options, LintRun* run)
      : options_(options), run_(run) {
    jobs_ = options.jobs ? options.jobs : std::thread::hardware_concurrency();
    jobs_ = std::clamp(jobs_, 1u, 256u);
    batch_bytes_ = options.batch_bytes
                       ? options.batch_bytes
                       : std::max<std::size_t>(std::size_t{8} << 20,
                                               (std::size_t{4} << 20) * jobs_);
  }

  // Loads an input it keeps until its documents are parsed.
  void add(std::string_view display, InputText text) {
    auto source = std::make_unique<Source>();
    source->text = std::move(text);
    std::string_view body = source->text.view();
    add(display, body, std::move(source));
  }
  // Loads text the caller keeps until finish().
  void add(std::string_view display, std::string_view body) {
    add(display, body, std::make_unique<Source>());
  }

  void finish() {
    run_batch(nullptr);
    pool_->freeze();
  }

 private:
  struct Source {
    std::shared_ptr<const std::string> name;
    InputText text;
    ParsedStream carry;  // what passes from one chunk to the next
  };
  struct Task {
    Source* source;
    std::string_view chunk;
    std::uint32_t first_line;
    ParsedStream result;
  };
  static constexpr std::size_t kMaxTasks = 4096;

  void add(std::string_view display, std::string_view body,
           std::unique_ptr<Source> source) {
    source->name = std::make_shared<const std::string>(display);
    ++run_->model.stats.files;
    run_->model.stats.bytes += body.size();
    if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);  // UTF-8 BOM
    Source* s = source.get();
    sources_.push_back(std::move(source));
    if (body.starts_with("\xFF\xFE") || body.starts_with("\xFE\xFF")) {
      report(*s,
             {"yaml-syntax", 1, 1, "UTF-16 encoded file: convert it to UTF-8"});
      return;
    }
    DocumentSplitter splitter(body);
    DocumentChunk c;
    while (splitter.next(&c)) {
      tasks_.push_back({s, body.substr(c.offset, c.size), c.first_line, {}});
      pending_bytes_ += c.size;
      if (pending_bytes_ >= batch_bytes_ || tasks_.size() >= kMaxTasks)
        run_batch(s);
    }
  }

  // Runs the pending tasks; keeps `splitting` (still being split) alive.
  void run_batch(Source* splitting) {
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t i; (i = next++) < tasks_.size();) {
        Task& t = tasks_[i];
        try {
          parse_document(t.chunk, t.source->name, options_.parse_limits,
                         t.first_line, &t.result, pool_);
        } catch (const std::exception& e) {  // out of memory
          t.result.documents.clear();
          t.result.diagnostics.push_back(
              {"yaml-syntax", t.first_line, 1,
               fmt::format("document not loaded: {}", e.what())});
        }
      }
    };
    unsigned threads =
        static_cast<unsigned>(std::min<std::size_t>(jobs_, tasks_.size()));
    std::vector<std::thread> pool;
    for (unsigned k = 1; k < threads; ++k) {
      try {
        pool.emplace_back(work);
      } catch (const std::system_error&) {  // no more threads: fewer workers
        break;
      }
    }
    work();
    for (std::thread& t : pool) t.join();

    for (Task& t : tasks_) {
      Source& s = *t.source;
      append_parsed(&s.carry, std::move(t.result));
      run_->model.stats.empty_documents += s.carry.empty_documents;
      s.carry.empty_documents = 0;
      for (auto& doc : s.carry.documents) {
        run_->model.add_document(std::move(doc),
                                 options_.settings.default_namespace);
      }
      s.carry.documents.clear();
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

  void report(const Source& s, const ParseDiagnostic& d) {
    const Rule* rule = find_rule(d.rule);
    Finding f;
    f.rule = &rule->info;
    f.severity = rule->info.severity;
    f.message = d.message;
    f.location = {s.name, d.line, d.column};
    run_->findings.push_back(std::move(f));
  }

  const LintOptions& options_;
  LintRun* run_;
  unsigned jobs_ = 1;
  std::size_t batch_bytes_ = 0;
  std::shared_ptr<StringPool> pool_ = std::make_shared<StringPool>();
  std::vector<std::unique_ptr<Source>> sources_;
  std::vector<Task> tasks_;
  std::size_t pending_bytes_ = 0;
};

void finish(const LintOptions& options, LintRun* run) {
  run->model.finish();
  LintContext context{run->model, options.settings};
  std::vector<Finding> found = run_rules(context);
  run->findings.insert(run->findings.end(),
                       std::make_move_iterator(found.begin()),
                       std::make_move_iterator(found.end()));
  sort_findings(&run->findings);
}

}  // namespace

LintRun lint_paths(const std::vector<std::string>& paths,
                   const LintOptions& options) {
  LintRun run;
  std::vector<InputFile> inputs = expand_paths(paths, &run.errors);
  Loader loader(options, &run);
  for (const InputFile& input : inputs) {
    std::string error;
    InputText text;
    if (!open_input(input, options.max_file_bytes, &text, &error)) {
      run.errors.push_back({input.display(), error});
      continue;
    }
    loader.add(input.display(), std::move(text));
  }
  loader.finish();
  finish(options, &run);
  return run;
}

LintRun lint_texts(const std::vector<InMemoryFile>& files,
                   const LintOptions& options) {
  LintRun run;
  Loader loader(options, &run);
  for (const InMemoryFile& f : files) loader.add(f.path, f.text);
  loader.finish();
  finish(options, &run);
  return run;
}

}  // namespace launchlint
