#include <algorithm>

#include <fmt/format.h>

#include "linter/output/report.h"

namespace launchlint {

namespace {

std::string money(double v) {
  std::string digits = fmt::format("{:.2f}", v);
  std::size_t dot = digits.find('.');
  for (std::size_t i = dot; i > 3; i -= 3) digits.insert(i - 3, ",");
  return digits;
}

std::string cost_cell(const WorkloadReview& w) {
  if (!w.cost.priced) return "-";
  if (w.cost.hourly_min == w.cost.hourly_max)
    return money(w.cost.monthly_min());
  return fmt::format("{}-{}", money(w.cost.monthly_min()),
                     money(w.cost.monthly_max()));
}

std::string risk_line(const Finding* f) {
  if (!f) return "none";
  std::string where = fmt::format("{}:{}:{}", f->location.file_name(),
                                  f->location.line, f->location.column);
  std::string on =
      f->object.kind.empty() ? std::string() : " on " + f->object.display();
  return fmt::format("{} {} ({}){}: {} [{}]", f->rule->id, f->rule->name,
                     to_string(f->severity), on, f->message, where);
}

std::string exception_line(const AcceptedException& e) {
  std::string target =
      e.object.kind.empty() ? std::string("config entry") : e.object.display();
  std::string extra;
  if (!e.owner.empty()) extra += "owner " + e.owner;
  if (!e.expires.empty())
    extra += (extra.empty() ? "" : ", ") + std::string("expires ") + e.expires;
  return fmt::format("{} on {}: \"{}\"{}", e.rule, target, e.reason,
                     extra.empty() ? "" : " (" + extra + ")");
}

std::string summary_line(const Report& report) {
  Counts c = count_findings(report.findings);
  return fmt::format(
      "{} workload{}, {} open finding{} ({} error{}, {} warning{}, {} info), "
      "{} suppressed",
      report.review->workloads.size(),
      report.review->workloads.size() == 1 ? "" : "s",
      c.error + c.warning + c.info,
      c.error + c.warning + c.info == 1 ? "" : "s", c.error,
      c.error == 1 ? "" : "s", c.warning, c.warning == 1 ? "" : "s", c.info,
      c.suppressed);
}

}  // namespace

void write_review_text(std::ostream& out, const Report& report, bool color) {
  const Review& review = *report.review;
  auto paint = [&](AreaStatus s) -> std::string {
    std::string word(to_string(s));
    if (!color) return fmt::format("{:<15}", word);
    std::string_view code = s == AreaStatus::Fail   ? "\x1b[1;31m"
                            : s == AreaStatus::Warn ? "\x1b[1;33m"
                                                    : "\x1b[32m";
    return fmt::format("{}{:<15}\x1b[0m", code, word);
  };
  out << fmt::format("Launch review: {}\n\n", summary_line(report));
  std::size_t width = 8;
  for (const WorkloadReview& w : review.workloads)
    width = std::max(width, w.object->id.display().size());
  out << fmt::format("{:<{}}  ", "WORKLOAD", width);
  for (Area a : kReviewAreas) {
    std::string name(to_string(a));
    std::transform(name.begin(), name.end(), name.begin(), ::toupper);
    out << fmt::format("{:<15}", name);
  }
  out << fmt::format("{:<20}{:<20}{}\n", "ROLLBACK OWNER", "SLO OWNER",
                     fmt::format("{}/MONTH", review.currency));
  for (const WorkloadReview& w : review.workloads) {
    out << fmt::format("{:<{}}  ", w.object->id.display(), width);
    for (AreaStatus s : w.areas) out << paint(s);
    out << fmt::format(
        "{:<20}{:<20}{}\n",
        w.owners.rollback.name.empty() ? "-" : w.owners.rollback.name,
        w.owners.slo.name.empty() ? "-" : w.owners.slo.name, cost_cell(w));
  }
  if (review.workloads.empty()) out << "(no workloads in the input)\n";

  const Decision& d = review.decision;
  out << '\n';
  out << fmt::format("Decision: {}\n", to_text(d.verdict));
  out << fmt::format("Primary risk: {}\n", risk_line(d.primary_risk));
  if (d.accepted.empty()) {
    out << "Accepted exceptions: none\n";
  } else {
    out << fmt::format("Accepted exceptions: {}\n", d.accepted.size());
    for (const AcceptedException& e : d.accepted)
      out << fmt::format("  - {}\n", exception_line(e));
  }
  out << fmt::format("Rollback owner: {}\n", d.rollback_owner);
  out << fmt::format("SLO owner: {}\n", d.slo_owner);
  out << fmt::format("Review date: {}\n", d.review_date);
}

void write_review_markdown(std::ostream& out, const Report& report) {
  const Review& review = *report.review;
  auto cell = [](AreaStatus s) -> std::string_view {
    return s == AreaStatus::Fail   ? ":x: fail"
           : s == AreaStatus::Warn ? ":warning: warn"
                                   : ":white_check_mark: pass";
  };
  out << "## launchlint launch review\n\n";
  out << summary_line(report) << "\n\n";
  out << "| Workload | Security | Scheduling | Rollout | Observability | Cost "
         "| Rollback owner | SLO owner | "
      << review.currency << "/month |\n";
  out << "|---|---|---|---|---|---|---|---|---:|\n";
  for (const WorkloadReview& w : review.workloads) {
    out << fmt::format(
        "| {} `{}` |", w.object->id.kind,
        w.object->id.ns.empty()
            ? std::string(w.object->id.name)
            : fmt::format("{}/{}", w.object->id.ns, w.object->id.name));
    for (AreaStatus s : w.areas) out << ' ' << cell(s) << " |";
    out << fmt::format(
        " {} | {} | {} |\n",
        w.owners.rollback.name.empty() ? "-" : w.owners.rollback.name,
        w.owners.slo.name.empty() ? "-" : w.owners.slo.name, cost_cell(w));
  }
  const Decision& d = review.decision;
  // One paragraph, each line ended by a hard break (two spaces). Accepted
  // exceptions are not a markdown list: a list would swallow the lines after
  // it as a lazy continuation of its last item.
  out << "\n";
  out << fmt::format("Decision: {}  \n", to_text(d.verdict));
  out << fmt::format("Primary risk: {}  \n", risk_line(d.primary_risk));
  if (d.accepted.empty()) {
    out << "Accepted exceptions: none  \n";
  } else {
    out << fmt::format("Accepted exceptions: {}  \n", d.accepted.size());
    for (const AcceptedException& e : d.accepted)
      out << fmt::format("\u2022 {}  \n", exception_line(e));
  }
  out << fmt::format("Rollback owner: {}  \n", d.rollback_owner);
  out << fmt::format("SLO owner: {}  \n", d.slo_owner);
  out << fmt::format("Review date: {}\n", d.review_date);

  std::size_t open = 0;
  for (const Finding& f : report.findings) open += !f.suppressed;
  if (open == 0) return;
  out << fmt::format("\n<details><summary>{} open finding{}</summary>\n\n",
                     open, open == 1 ? "" : "s");
  std::size_t shown = 0;
  for (const Finding& f : report.findings) {
    if (f.suppressed) continue;
    if (++shown > 100) {
      out << fmt::format("- ... and {} more\n", open - 100);
      break;
    }
    out << fmt::format("- **{}** `{}:{}` {} ({}): {}\n", to_string(f.severity),
                       f.location.file_name(), f.location.line, f.rule->id,
                       f.rule->name, f.message);
  }
  out << "\n</details>\n";
}

}  // namespace launchlint
