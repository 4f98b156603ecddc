#include <algorithm>
#include <string>
#include <vector>

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

std::string range(double low, double high) {
  if (money(low) == money(high)) return money(low);
  return fmt::format("{}-{}", money(low), money(high));
}

// Hourly and monthly cost; "*" marks GPUs the price table does not price.
std::string hourly_cell(const WorkloadReview& w) {
  if (!w.cost.priced) return "-";
  return range(w.cost.hourly_min, w.cost.hourly_max) +
         (w.cost.gpu_unpriced ? "*" : "");
}

std::string monthly_cell(const WorkloadReview& w) {
  if (!w.cost.priced) return "-";
  return range(w.cost.monthly_min(), w.cost.monthly_max()) +
         (w.cost.gpu_unpriced ? "*" : "");
}

// Why a row's cost is marked: its GPUs have no price.
std::vector<std::string> unpriced_notes(const Review& review) {
  std::vector<std::string> notes;
  for (const WorkloadReview& w : review.workloads) {
    if (!w.cost.gpu_unpriced) continue;
    const CostEstimate& c = w.cost;
    bool one = c.gpus == 1;
    std::string gpus = fmt::format("{} GPU{}", c.gpus, one ? "" : "s");
    std::string_view count = one ? "counts 0" : "count 0";
    notes.push_back(
        c.gpu_product == "default"
            ? fmt::format("{}: {} of unknown product (no product node label) "
                          "{}: prices.gpu has no \"default\"",
                          w.object->id.display(), gpus, count)
            : fmt::format("{}: {} {} {}: prices.gpu has neither {} nor "
                          "\"default\"",
                          w.object->id.display(), gpus, c.gpu_product, count,
                          c.gpu_product));
  }
  return notes;
}

std::size_t backticks(std::string_view text, std::size_t at) {
  std::size_t end = at;
  while (end < text.size() && text[end] == '`') ++end;
  return end - at;
}

// Free text for markdown: code spans stay as they are; elsewhere `<`, `>`
// and `&` become entities (GitHub would drop "<team>" as an unknown tag) and
// `*`, `_`, `|`, `\` and stray backticks are escaped (emphasis, tables).
std::string markdown_text(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '`') {
      std::size_t run = backticks(text, i);
      std::size_t close = i + run;
      while (close < text.size()) {
        close = text.find('`', close);
        if (close == std::string_view::npos || backticks(text, close) == run)
          break;
        close += backticks(text, close);
      }
      if (close < text.size()) {
        out += text.substr(i, close + run - i);
      } else {
        for (std::size_t k = 0; k < run; ++k) out += "\\`";
      }
      i = close < text.size() ? close + run : i + run;
      continue;
    }
    char c = text[i++];
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '*':
      case '_':
      case '|':
      case '\\':
        out += '\\';
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

using TextFn = std::string (*)(std::string_view);
std::string plain(std::string_view text) { return std::string(text); }
std::string code_span(std::string_view text) {
  return fmt::format("`{}`", text);
}

std::string risk_line(const Finding* f, TextFn text = plain) {
  if (!f) return "none";
  std::string where = fmt::format("{}:{}:{}", f->location.file_name(),
                                  f->location.line, f->location.column);
  std::string on =
      f->object.kind.empty() ? std::string() : " on " + f->object.display();
  return fmt::format("{} {} ({}){}: {} [{}]", f->rule->id, f->rule->name,
                     to_string(f->severity), on, text(f->message),
                     text == plain ? where : code_span(where));
}

std::string exception_line(const AcceptedException& e, TextFn text = plain) {
  std::string target =
      e.object.kind.empty() ? std::string("config entry") : e.object.display();
  std::string extra;
  if (!e.owner.empty()) extra += "owner " + text(e.owner);
  if (!e.expires.empty())
    extra += (extra.empty() ? "" : ", ") + std::string("expires ") + e.expires;
  return fmt::format("{} on {}: \"{}\"{}", e.rule, target, text(e.reason),
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
  // The open findings first, as lint prints them; the review ends the output.
  std::size_t open = 0;
  for (const Finding& f : report.findings) open += !f.suppressed;
  if (open > 0) {
    write_text(out, report, color, /*summary=*/false);
    out << '\n';
  }
  out << fmt::format("Launch review: {}\n\n", summary_line(report));
  std::size_t width = 8;
  for (const WorkloadReview& w : review.workloads)
    width = std::max(width, w.object->id.display().size());
  std::size_t hourly_width = 10;
  for (const WorkloadReview& w : review.workloads)
    hourly_width = std::max(hourly_width, hourly_cell(w).size() + 2);
  out << fmt::format("{:<{}}  ", "WORKLOAD", width);
  for (Area a : kReviewAreas) {
    std::string name(to_string(a));
    std::transform(name.begin(), name.end(), name.begin(), ::toupper);
    out << fmt::format("{:<15}", name);
  }
  out << fmt::format("{:<20}{:<20}{:<{}}{}\n", "ROLLBACK OWNER", "SLO OWNER",
                     fmt::format("{}/HOUR", review.currency), hourly_width,
                     fmt::format("{}/MONTH", review.currency));
  for (const WorkloadReview& w : review.workloads) {
    out << fmt::format("{:<{}}  ", w.object->id.display(), width);
    for (AreaStatus s : w.areas) out << paint(s);
    out << fmt::format(
        "{:<20}{:<20}{:<{}}{}\n",
        w.owners.rollback.name.empty() ? "-" : w.owners.rollback.name,
        w.owners.slo.name.empty() ? "-" : w.owners.slo.name, hourly_cell(w),
        hourly_width, monthly_cell(w));
  }
  if (review.workloads.empty()) out << "(no workloads in the input)\n";
  for (const std::string& note : unpriced_notes(review))
    out << fmt::format("* {}\n", note);

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
  auto owner = [](const Owner& o) {
    return o.name.empty() ? std::string("-") : markdown_text(o.name);
  };
  out << "## launchlint launch review\n\n";
  out << summary_line(report) << "\n\n";
  out << "| Workload | Security | Scheduling | Rollout | Observability | Cost "
         "| Rollback owner | SLO owner | "
      << review.currency << "/hour | " << review.currency << "/month |\n";
  out << "|---|---|---|---|---|---|---|---|---:|---:|\n";
  for (const WorkloadReview& w : review.workloads) {
    out << fmt::format(
        "| {} `{}` |", w.object->id.kind,
        w.object->id.ns.empty()
            ? std::string(w.object->id.name)
            : fmt::format("{}/{}", w.object->id.ns, w.object->id.name));
    for (AreaStatus s : w.areas) out << ' ' << cell(s) << " |";
    out << fmt::format(" {} | {} | {} | {} |\n", owner(w.owners.rollback),
                       owner(w.owners.slo), markdown_text(hourly_cell(w)),
                       markdown_text(monthly_cell(w)));
  }
  std::vector<std::string> notes = unpriced_notes(review);
  if (!notes.empty()) out << '\n';
  for (const std::string& note : notes)
    out << fmt::format("\\* {}  \n", markdown_text(note));
  const Decision& d = review.decision;
  // One paragraph, each line ended by a hard break (two spaces). Accepted
  // exceptions are not a markdown list: a list would swallow the lines after
  // it as a lazy continuation of its last item.
  out << "\n";
  out << fmt::format("Decision: {}  \n", to_text(d.verdict));
  out << fmt::format("Primary risk: {}  \n",
                     risk_line(d.primary_risk, markdown_text));
  if (d.accepted.empty()) {
    out << "Accepted exceptions: none  \n";
  } else {
    out << fmt::format("Accepted exceptions: {}  \n", d.accepted.size());
    for (const AcceptedException& e : d.accepted)
      out << fmt::format("\u2022 {}  \n", exception_line(e, markdown_text));
  }
  out << fmt::format("Rollback owner: {}  \n", markdown_text(d.rollback_owner));
  out << fmt::format("SLO owner: {}  \n", markdown_text(d.slo_owner));
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
                       f.rule->name, markdown_text(f.message));
  }
  out << "\n</details>\n";
}

}  // namespace launchlint
