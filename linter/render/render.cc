#include "linter/render/render.h"

#include <stdlib.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include <fmt/format.h>
#include <re2/re2.h>

#include "linter/render/run_tool.h"
#include "linter/render/source_files.h"

namespace launchlint {

namespace fs = std::filesystem;

namespace {

bool exists_file(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

std::string trim(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  std::size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

// Helm's error text on one line, without the "Use --debug" hint.
std::string helm_message(const std::string& err) {
  std::string out;
  std::size_t pos = 0;
  while (pos < err.size()) {
    std::size_t eol = err.find('\n', pos);
    if (eol == std::string::npos) eol = err.size();
    std::string line = trim(std::string_view(err).substr(pos, eol - pos));
    pos = eol + 1;
    if (line.empty() || line.starts_with("Use --debug flag")) continue;
    if (line.starts_with("Error: ")) line.erase(0, 7);
    if (!out.empty()) out += ' ';
    out += line;
  }
  return out;
}

std::string tool_failure(const ToolResult& t, const std::string& program) {
  if (!t.started) return t.error;
  if (t.timed_out) return fmt::format("{} timed out", program);
  std::string msg = helm_message(t.err);
  // kubectl's log prefix: E1128 12:06:02.788502 6708 run.go:72] "command
  // failed" err="...".
  static const RE2 kKlog(R"re([EWIF]\d{4} [\d:.]+\s+\d+ \S+\] "command failed" err=)re");
  RE2::GlobalReplace(&msg, kKlog, "");
  if (msg.empty())
    msg = fmt::format("{} exited with status {}", program, t.exit_code);
  return msg;
}

Rendering render_chart(const std::string& chart, const RenderOptions& options,
                       const ValuesSet* set) {
  Rendering r;
  r.kind = RenderKind::Helm;
  r.folder = chart;
  r.values_files = options.values;
  if (set) {
    r.values_set = set->name;
    r.values_files.insert(r.values_files.end(), set->files.begin(),
                          set->files.end());
  }
  r.display = std::make_shared<const std::string>(
      set ? fmt::format("{} (helm template, values {})", chart, set->name)
          : fmt::format("{} (helm template)", chart));
  if (find_program(options.helm).empty()) {
    r.failed = true;
    r.error = fmt::format(
        "cannot render the chart: {} not found (install helm or pass "
        "--helm PATH)",
        options.helm);
    return r;
  }
  ToolResult t =
      run_tool(helm_argv(chart, options, set), options.timeout_seconds);
  if (t.started && !t.timed_out && t.exit_code == 0) {
    r.text = std::move(t.out);
    return r;
  }
  if (t.started && !t.timed_out && parse_helm_error(t.err, chart, &r)) return r;
  r.failed = true;
  r.error =
      fmt::format("helm template failed: {}", tool_failure(t, options.helm));
  return r;
}

std::vector<std::string> kustomize_argv(const RenderOptions& options,
                                        const std::string& folder) {
  std::string program =
      options.kustomize.empty() ? "kubectl" : options.kustomize;
  bool kubectl = fs::path(program).filename() == "kubectl";
  if (kubectl) return {program, "kustomize", folder};
  return {program, "build", folder};
}

// A temporary kustomization that includes the user's folder and asks the build
// for origin annotations; the user's files are not touched.
struct OriginWrapper {
  std::string dir;
  ~OriginWrapper() {
    if (dir.empty()) return;
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  bool make(const std::string& folder) {
    std::error_code ec;
    fs::path tmp = fs::temp_directory_path(ec);
    if (ec) return false;
    std::string pattern = (tmp / "launchlint-kustomize-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) return false;
    dir = pattern;
    fs::path target = fs::absolute(folder, ec).lexically_normal();
    fs::path rel = target.lexically_relative(fs::path(dir));
    std::ofstream out(fs::path(dir) / "kustomization.yaml");
    out << "apiVersion: kustomize.config.k8s.io/v1beta1\n"
           "kind: Kustomization\nresources:\n- "
        << rel.generic_string() << "\nbuildMetadata: [originAnnotations]\n";
    return static_cast<bool>(out);
  }
};

Rendering render_kustomize(const std::string& folder,
                           const RenderOptions& options) {
  Rendering r;
  r.kind = RenderKind::Kustomize;
  r.folder = folder;
  r.display = std::make_shared<const std::string>(
      fmt::format("{} (kustomize build)", folder));
  std::vector<std::string> argv = kustomize_argv(options, folder);
  if (find_program(argv[0]).empty()) {
    r.failed = true;
    r.error = fmt::format(
        "cannot build the kustomization: {} not found (install kubectl or "
        "kustomize, or pass --kustomize PATH)",
        argv[0]);
    return r;
  }
  kustomize_sources(folder, &r.patch_files, &r.images);
  OriginWrapper wrapper;
  if (wrapper.make(folder)) {
    ToolResult t =
        run_tool(kustomize_argv(options, wrapper.dir), options.timeout_seconds);
    if (t.started && !t.timed_out && t.exit_code == 0) {
      r.text = strip_origins(t.out, wrapper.dir, &r.origins);
      return r;
    }
  }
  // Without origins (e.g. a Component cannot be included): the plain build.
  ToolResult t = run_tool(argv, options.timeout_seconds);
  if (t.started && !t.timed_out && t.exit_code == 0) {
    r.text = std::move(t.out);
    return r;
  }
  r.failed = true;
  r.error = fmt::format("kustomize build failed: {}", tool_failure(t, argv[0]));
  return r;
}

}  // namespace

bool is_chart_folder(const std::string& folder) {
  return exists_file(fs::path(folder) / "Chart.yaml");
}

bool is_kustomize_folder(const std::string& folder) {
  fs::path f(folder);
  return exists_file(f / "kustomization.yaml") ||
         exists_file(f / "kustomization.yml") ||
         exists_file(f / "Kustomization");
}

std::vector<std::string> helm_argv(const std::string& chart,
                                   const RenderOptions& options,
                                   const ValuesSet* set) {
  std::vector<std::string> argv = {options.helm, "template",
                                   options.release_name, chart};
  auto add = [&](std::string_view flag, const std::vector<std::string>& vals) {
    for (const std::string& v : vals) {
      argv.emplace_back(flag);
      argv.push_back(v);
    }
  };
  add("--values", options.values);
  if (set) add("--values", set->files);
  add("--set", options.set);
  add("--set-string", options.set_string);
  add("--set-file", options.set_file);
  add("--api-versions", options.api_versions);
  if (!options.ns.empty()) {
    argv.emplace_back("--namespace");
    argv.push_back(options.ns);
  }
  if (!options.kube_version.empty()) {
    argv.emplace_back("--kube-version");
    argv.push_back(options.kube_version);
  }
  return argv;
}

bool parse_helm_error(const std::string& stderr_text, const std::string& chart,
                      Rendering* r) {
  // helm v4: "Error: chart/templates/x.yaml:12:3\n  executing ...";
  // helm v3: "Error: template: chart/templates/x.yaml:12:3: executing ...";
  // both: "parse error at (chart/templates/x.yaml:5): ..." and
  // "execution error at (chart/templates/x.yaml:1:3): ...".
  static const RE2 kAt(R"(at \(([^():\s]+):(\d+)(?::(\d+))?\))");
  static const RE2 kPlain(
      R"((?:^|\n)Error: (?:template: )?([^\s:]+\.[A-Za-z]+):(\d+):(\d+))");
  static const RE2 kYaml(R"(YAML parse error on ([^\s:]+):)");
  std::string file, line, column;
  bool found = RE2::PartialMatch(stderr_text, kPlain, &file, &line, &column) ||
               RE2::PartialMatch(stderr_text, kAt, &file, &line, &column);
  if (!found && RE2::PartialMatch(stderr_text, kYaml, &file)) {
    found = true;
    line = "1";
  }
  if (!found) return false;
  std::string on_disk = helm_source_file(chart, file);
  if (on_disk.empty()) {
    // Not on disk (a packaged subchart): the path Helm names, in the chart.
    std::size_t slash = file.find('/');
    on_disk = (fs::path(chart) /
               (slash == std::string::npos ? file : file.substr(slash + 1)))
                  .string();
  }
  r->error_file = on_disk;
  r->error_line = static_cast<std::uint32_t>(std::stoul(line));
  r->error_column =
      column.empty() ? 1 : static_cast<std::uint32_t>(std::stoul(column));
  std::string message = helm_message(stderr_text);
  // The location is reported apart: keep what helm says about the problem.
  std::string prefix = file + ":" + line + (column.empty() ? "" : ":" + column);
  if (message.starts_with("template: ")) message.erase(0, 10);
  if (message.starts_with(prefix)) {
    message.erase(0, prefix.size());
    while (!message.empty() && (message[0] == ':' || message[0] == ' '))
      message.erase(0, 1);
  }
  // "execution error at (x.yaml:10:20): msg" -> "execution error: msg".
  static const RE2 kWhere(R"( at \([^()\s]+:\d+(?::\d+)?\))");
  RE2::GlobalReplace(&message, kWhere, "");
  r->error_message = message;
  return true;
}

std::string strip_origins(const std::string& text, const std::string& root,
                          std::vector<KustomizeOrigin>* origins) {
  std::vector<std::string_view> lines;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    lines.push_back(std::string_view(text).substr(pos, eol - pos));
    pos = eol + 1;
  }
  auto indent = [](std::string_view l) {
    std::size_t i = l.find_first_not_of(' ');
    return i == std::string_view::npos ? l.size() : i;
  };
  std::vector<std::string_view> kept;
  std::string origin;
  KustomizeOrigin current;
  current.first_line = 1;
  auto close_document = [&](std::uint32_t last) {
    current.last_line = last;
    if (!origin.empty()) {
      std::error_code ec;
      fs::path abs = (fs::path(root) / origin).lexically_normal();
      fs::path rel = abs.lexically_relative(fs::current_path(ec));
      current.file = rel.empty() ? abs.string() : rel.string();
      origins->push_back(current);
    }
    origin.clear();
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view l = lines[i];
    if (l == "---") {
      close_document(static_cast<std::uint32_t>(kept.size()));
      kept.push_back(l);
      current.first_line = static_cast<std::uint32_t>(kept.size()) + 1;
      continue;
    }
    std::size_t in = indent(l);
    if (l.substr(in).starts_with("config.kubernetes.io/origin:")) {
      std::size_t j = i + 1;
      for (; j < lines.size() && indent(lines[j]) > in &&
             !lines[j].substr(indent(lines[j])).empty();
           ++j) {
        std::string_view body = lines[j].substr(indent(lines[j]));
        if (body.starts_with("path: ")) origin = trim(body.substr(6));
      }
      // An `annotations:` key left empty goes too.
      bool alone = !kept.empty() &&
                   kept.back().substr(indent(kept.back())) == "annotations:" &&
                   (j >= lines.size() || indent(lines[j]) < in);
      if (alone) kept.pop_back();
      i = j - 1;
      continue;
    }
    kept.push_back(l);
  }
  close_document(static_cast<std::uint32_t>(kept.size()));
  std::string out;
  out.reserve(text.size());
  for (std::string_view l : kept) {
    out.append(l);
    out.push_back('\n');
  }
  return out;
}

std::vector<Rendering> render_all(
    const std::vector<std::string>& charts,
    const std::vector<std::string>& kustomizations,
    const RenderOptions& options) {
  struct Job {
    const std::string* folder;
    const ValuesSet* set;
    bool kustomize;
  };
  std::vector<Job> jobs;
  for (const std::string& c : charts) {
    if (options.values_sets.empty()) {
      jobs.push_back({&c, nullptr, false});
    } else {
      for (const ValuesSet& s : options.values_sets)
        jobs.push_back({&c, &s, false});
    }
  }
  for (const std::string& k : kustomizations)
    jobs.push_back({&k, nullptr, true});
  std::vector<Rendering> out(jobs.size());
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i; (i = next++) < jobs.size();) {
      const Job& j = jobs[i];
      out[i] = j.kustomize ? render_kustomize(*j.folder, options)
                           : render_chart(*j.folder, options, j.set);
    }
  };
  std::size_t threads = std::min<std::size_t>(
      jobs.size(), std::max(4u, std::thread::hardware_concurrency()));
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  return out;
}

}  // namespace launchlint
