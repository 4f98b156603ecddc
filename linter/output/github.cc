#include <filesystem>

#include <fmt/format.h>

#include "linter/output/report.h"

namespace launchlint {

namespace {

std::string_view command(Severity s) {
  return s == Severity::Error     ? "error"
         : s == Severity::Warning ? "warning"
                                  : "notice";
}

// Annotations attach to files relative to the workspace (the current folder).
std::string workspace_path(std::string_view file) {
  namespace fs = std::filesystem;
  fs::path p{std::string(file)};
  if (!p.is_absolute()) return p.lexically_normal().generic_string();
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (ec) return std::string(file);
  fs::path rel = p.lexically_normal().lexically_relative(cwd);
  if (rel.empty() || *rel.begin() == "..") return std::string(file);
  return rel.generic_string();
}

}  // namespace

std::string github_escape_data(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string github_escape_property(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : github_escape_data(text)) {
    switch (c) {
      case ':':
        out += "%3A";
        break;
      case ',':
        out += "%2C";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

void write_github(std::ostream& out, const Report& report) {
  for (const Finding& f : report.findings) {
    if (f.suppressed) continue;
    std::string message(f.message);
    if (!f.object.kind.empty()) {
      message = fmt::format("{}: {}", f.object.display(), message);
    }
    for (const RelatedNote& r : f.related) {
      message += fmt::format("\n{}:{}:{}: {}", r.location.file_name(),
                             r.location.line, r.location.column, r.message);
    }
    out << fmt::format(
        "::{} file={},line={},col={},title={}::{}\n", command(f.severity),
        github_escape_property(workspace_path(f.location.file_name())),
        f.location.line > 0 ? f.location.line : 1,
        f.location.column > 0 ? f.location.column : 1,
        github_escape_property(fmt::format("{} {}", f.rule->id, f.rule->name)),
        github_escape_data(message));
  }
  // GitHub shows about ten annotations of each type per step: the summary
  // comes last, where the log ends.
  write_summary(out, report);
}

}  // namespace launchlint
