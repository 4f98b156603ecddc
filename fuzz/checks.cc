#include "fuzz/checks.h"

#include <algorithm>
#include <sstream>

#include <fmt/format.h>
#include <rapidjson/document.h>

#include "linter/output/report.h"
#include "linter/review/review.h"
#include "linter/rules/custom_rule.h"

namespace launchlint::fuzz {

void check_json(std::string_view text, std::string_view what) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
  if (doc.HasParseError()) {
    throw CheckFailed(fmt::format(
        "{} is not JSON (at byte {}): {}", what, doc.GetErrorOffset(),
        text.substr(0, std::min<std::size_t>(text.size(), 300))));
  }
}

void check_locations(const std::vector<Finding>& findings,
                     std::string_view file, std::string_view text) {
  auto lines = static_cast<std::uint32_t>(
      std::count(text.begin(), text.end(), '\n') + 1);
  for (const Finding& f : findings) {
    if (f.location.file_name() != file) continue;
    if (f.location.line < 1 || f.location.line > lines ||
        f.location.column < 1) {
      throw CheckFailed(fmt::format(
          "{} finding at {}:{}:{}, outside the {} lines of input: {}",
          f.rule->id, file, f.location.line, f.location.column, lines,
          f.message));
    }
  }
}

void write_reports(
    const LintRun& run, const Config& config, const LintOptions& options,
    const std::map<std::string, std::string, std::less<>>& texts) {
  Review review = build_review(run.model, run.findings, run.accepted, config,
                               options.settings, run.today);
  // SARIF describes these and the rules of the findings. Not all built-in
  // rules, as the CLI does: their docs do not depend on the input, and
  // writing and checking them would take most of each run.
  std::vector<const Rule*> rules;
  if (config.custom_rules) {
    for (const CustomRule& r : config.custom_rules->rules)
      rules.push_back(&r.rule);
  }
  Report report{run.findings, run.model.stats, rules, run.model.objects.size(),
                &review,      run.errors};
  std::ostringstream text;
  write_text(text, report, /*color=*/true);
  write_github(text, report);
  write_review_text(text, report, /*color=*/true);
  write_review_markdown(text, report);
  std::ostringstream json;
  write_json(json, report);
  check_json(json.str(), "JSON output");
  SarifOptions sarif;
  sarif.root = "/fuzz";
  sarif.texts = &texts;
  std::ostringstream sarif_out;
  write_sarif(sarif_out, report, sarif);
  check_json(sarif_out.str(), "SARIF output");
}

}  // namespace launchlint::fuzz
