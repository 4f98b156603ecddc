#include "linter/review/review.h"

#include <algorithm>
#include <memory>

#include "linter/analysis/namespace_model.h"
#include "linter/review/attribution.h"

namespace launchlint {

namespace {

int area_rank(Area a) {
  // security, scheduling, rollout, observability, cost, then general.
  return static_cast<int>(a);
}

std::string owners_of(const std::vector<WorkloadReview>& workloads,
                      const Owner Owners::*which) {
  std::vector<std::string> names;
  bool missing = false;
  for (const WorkloadReview& w : workloads) {
    const std::string& name = (w.owners.*which).name;
    if (name.empty()) {
      missing = true;
    } else if (std::find(names.begin(), names.end(), name) == names.end()) {
      names.push_back(name);
    }
  }
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  if (missing) out += out.empty() ? "none" : " (some workloads have none)";
  return out.empty() ? "none" : out;
}

}  // namespace

std::string_view to_string(AreaStatus status) {
  switch (status) {
    case AreaStatus::Pass:
      return "pass";
    case AreaStatus::Warn:
      return "warn";
    case AreaStatus::Fail:
      return "fail";
  }
  return "pass";
}

std::string_view to_text(Verdict v) {
  switch (v) {
    case Verdict::Approve:
      return "approve";
    case Verdict::ApproveWithConditions:
      return "approve with conditions";
    case Verdict::Block:
      return "block";
  }
  return "block";
}

std::string_view to_id(Verdict v) {
  switch (v) {
    case Verdict::Approve:
      return "approve";
    case Verdict::ApproveWithConditions:
      return "approve-with-conditions";
    case Verdict::Block:
      return "block";
  }
  return "block";
}

Review build_review(const Model& model, const std::vector<Finding>& findings,
                    const std::vector<AcceptedException>& accepted,
                    const Config& config, const LintSettings& settings,
                    long today, const NamespaceModel* namespaces) {
  Review review;
  review.currency = config.prices.currency;
  std::unique_ptr<NamespaceModel> own;
  if (!namespaces) {
    own = std::make_unique<NamespaceModel>(model);
    namespaces = own.get();
  }
  Attribution attribution(model, *namespaces);
  std::vector<std::size_t> row_of(model.objects.size(), SIZE_MAX);
  for (std::size_t w : attribution.workloads()) {
    row_of[w] = review.workloads.size();
    WorkloadReview wr;
    wr.object = &model.objects[w];
    wr.owners = resolve_owners(model, settings.owners, *wr.object);
    wr.cost = estimate_cost(*namespaces, *wr.object, config.prices);
    review.workloads.push_back(std::move(wr));
  }

  Decision& d = review.decision;
  bool any_error = false, any_warning = false;
  for (const Finding& f : findings) {
    if (f.suppressed) continue;
    any_error |= f.severity == Severity::Error;
    any_warning |= f.severity == Severity::Warning;
    // The highest severity; among equals, the first area in review order.
    const Finding* best = d.primary_risk;
    if (!best || f.severity > best->severity ||
        (f.severity == best->severity &&
         area_rank(f.rule->area) < area_rank(best->rule->area)))
      d.primary_risk = &f;
    auto area =
        std::find(kReviewAreas.begin(), kReviewAreas.end(), f.rule->area);
    if (area == kReviewAreas.end() || f.severity == Severity::Info) continue;
    AreaStatus status =
        f.severity == Severity::Error ? AreaStatus::Fail : AreaStatus::Warn;
    std::size_t column = static_cast<std::size_t>(area - kReviewAreas.begin());
    for (std::size_t w : attribution.workloads_of(f)) {
      if (row_of[w] == SIZE_MAX) continue;  // defensive: rows are workloads
      AreaStatus& cell = review.workloads[row_of[w]].areas[column];
      cell = std::max(cell, status);
    }
  }
  // Values sets accept the same exception once each: list it once.
  for (const AcceptedException& e : accepted) {
    bool seen = std::any_of(
        d.accepted.begin(), d.accepted.end(), [&](const AcceptedException& a) {
          return a.rule == e.rule && a.object == e.object &&
                 a.from_config == e.from_config && a.reason == e.reason;
        });
    if (!seen) d.accepted.push_back(e);
  }
  d.verdict = any_error ? Verdict::Block
              : (any_warning || !d.accepted.empty())
                  ? Verdict::ApproveWithConditions
                  : Verdict::Approve;
  d.rollback_owner = owners_of(review.workloads, &Owners::rollback);
  d.slo_owner = owners_of(review.workloads, &Owners::slo);

  // The earliest expiry among accepted exceptions, else the interval.
  std::optional<long> earliest;
  for (const AcceptedException& e : accepted) {
    std::optional<long> day = parse_date(e.expires);
    if (day && (!earliest || *day < *earliest)) earliest = day;
  }
  d.review_date =
      format_date(earliest ? *earliest : today + config.review_interval_days);
  return review;
}

}  // namespace launchlint
