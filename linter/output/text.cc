#include <fmt/format.h>

#include "linter/output/report.h"

namespace launchlint {

namespace {

struct Style {
  bool on;
  std::string_view paint(Severity s) const {
    if (!on) return "";
    return s == Severity::Error     ? "\x1b[1;31m"
           : s == Severity::Warning ? "\x1b[1;33m"
                                    : "\x1b[1;36m";
  }
  std::string_view bold() const { return on ? "\x1b[1m" : ""; }
  std::string_view dim() const { return on ? "\x1b[2m" : ""; }
  std::string_view reset() const { return on ? "\x1b[0m" : ""; }
};

std::string header(const Finding& f) {
  std::string h = f.object.kind.empty() ? std::string(f.location.file_name())
                                        : f.object.display();
  if (!f.object.kind.empty() && !f.helm_source.empty()) {
    h += fmt::format(" (from {}", f.helm_source);
    h += f.values_set.empty() ? ")" : fmt::format(", values {})", f.values_set);
  } else if (!f.values_set.empty()) {
    h += fmt::format(" (values {})", f.values_set);
  }
  return h;
}

}  // namespace

Counts count_findings(const std::vector<Finding>& findings) {
  Counts c;
  for (const Finding& f : findings) {
    if (f.suppressed) {
      ++c.suppressed;
      continue;
    }
    (f.severity == Severity::Error     ? c.error
     : f.severity == Severity::Warning ? c.warning
                                       : c.info)++;
    ++c.by_area[static_cast<int>(f.rule->area)];
  }
  return c;
}

void write_text(std::ostream& out, const Report& report, bool color,
                bool summary) {
  Style style{color};
  std::string previous;
  for (const Finding& f : report.findings) {
    if (f.suppressed) continue;
    std::string h = header(f);
    if (h != previous) {
      if (!previous.empty()) out << '\n';
      out << fmt::format("{}{}{}\n", style.bold(), h, style.reset());
      previous = h;
    }
    out << fmt::format("{}:{}:{}: {}{}{}: {} {}[{}]{}\n",
                       f.location.file_name(), f.location.line,
                       f.location.column, style.paint(f.severity),
                       to_string(f.severity), style.reset(), f.message,
                       style.dim(), f.rule->id, style.reset());
    for (const RelatedNote& r : f.related) {
      out << fmt::format("  {}:{}:{}: note: {}\n", r.location.file_name(),
                         r.location.line, r.location.column, r.message);
    }
  }
  if (!summary) return;
  if (!report.findings.empty()) out << '\n';
  write_summary(out, report);
}

void write_summary(std::ostream& out, const Report& report) {
  Counts c = count_findings(report.findings);
  std::string areas;
  for (int a = 0; a < 6; ++a) {
    if (c.by_area[a] == 0) continue;
    areas += fmt::format("{}{} {}", areas.empty() ? "" : ", ",
                         to_string(static_cast<Area>(a)), c.by_area[a]);
  }
  out << fmt::format(
      "{} error{}, {} warning{}, {} info{}{} in {} object{} from {} file{}",
      c.error, c.error == 1 ? "" : "s", c.warning, c.warning == 1 ? "" : "s",
      c.info, areas.empty() ? "" : " (", areas.empty() ? "" : areas + ")",
      report.objects, report.objects == 1 ? "" : "s", report.stats.files,
      report.stats.files == 1 ? "" : "s");
  if (c.suppressed) out << fmt::format(", {} suppressed", c.suppressed);
  if (report.stats.skipped_documents) {
    out << fmt::format(", {} document{} without apiVersion/kind skipped",
                       report.stats.skipped_documents,
                       report.stats.skipped_documents == 1 ? "" : "s");
  }
  out << '\n';
}

}  // namespace launchlint
