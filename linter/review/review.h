#pragma once

#include <array>
#include <string>
#include <vector>

#include "linter/config/config.h"
#include "linter/model/owners.h"
#include "linter/review/cost.h"
#include "linter/review/exceptions.h"
#include "linter/rules/rule.h"

namespace launchlint {

enum class AreaStatus { Pass, Warn, Fail };
std::string_view to_string(AreaStatus status);

// The five areas of the readiness matrix, in review order.
inline constexpr std::array<Area, 5> kReviewAreas = {
    Area::Security, Area::Scheduling, Area::Rollout, Area::Observability,
    Area::Cost};

struct WorkloadReview {
  const Object* object = nullptr;
  std::array<AreaStatus, 5> areas{};  // by kReviewAreas
  Owners owners;
  CostEstimate cost;
};

enum class Verdict { Approve, ApproveWithConditions, Block };
std::string_view to_text(Verdict verdict);  // "approve with conditions"
std::string_view to_id(Verdict verdict);    // "approve-with-conditions"

struct Decision {
  Verdict verdict = Verdict::Approve;
  const Finding* primary_risk = nullptr;  // null when nothing is open
  std::vector<AcceptedException> accepted;
  std::string rollback_owner, slo_owner;  // "none" when nobody
  std::string review_date;                // YYYY-MM-DD
};

struct Review {
  std::vector<WorkloadReview> workloads;
  Decision decision;
  std::string currency;
};

class NamespaceModel;

// Turns findings into the readiness matrix and the launch decision.
// `namespaces` is the namespace model of `model` (null: built here).
Review build_review(const Model& model, const std::vector<Finding>& findings,
                    const std::vector<AcceptedException>& accepted,
                    const Config& config, const LintSettings& settings,
                    long today, const NamespaceModel* namespaces = nullptr);

}  // namespace launchlint
