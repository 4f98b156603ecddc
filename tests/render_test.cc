// Charts and kustomize folders rendered with the real helm and kubectl, and
// every finding mapped back to the exact template, values or resource line.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "linter/lint/lint.h"
#include "linter/output/report.h"
#include "linter/render/source_files.h"
#include "linter/render/template_map.h"
#include "linter/rules/registry.h"
#include "linter/yaml/parse.h"
#include "tests/render_tools.h"

namespace launchlint {

namespace {

namespace fs = std::filesystem;

std::string where(const Location& l) {
  return fmt::format("{}:{}:{}", l.file_name(), l.line, l.column);
}

// "RULE name at file:line:col" plus its related places, rendered ones last.
std::string describe(const Finding& f) {
  std::string out =
      fmt::format("{} {} at {}", f.rule->id, f.object.name, where(f.location));
  if (!f.values_set.empty()) out += fmt::format(" [{}]", f.values_set);
  for (const RelatedNote& r : f.related)
    out += fmt::format("\n  {} {}", where(r.location), r.message);
  return out;
}

// The rules the test charts are written to trigger; findings of rules added
// later do not change what these tests check.
bool checked(const Finding& f) {
  static const std::set<std::string_view> kRules = {
      "GEN050", "ROL001", "ROL002", "SCH001", "SCH002", "SEC001"};
  return kRules.count(f.rule->id) > 0;
}

std::multiset<std::string> describe_all(const LintRun& run) {
  std::multiset<std::string> out;
  for (const Finding& f : run.findings)
    if (checked(f)) out.insert(describe(f));
  return out;
}

LintOptions chart_options() {
  LintOptions options;
  options.render.helm = test_helm();
  REQUIRE_MESSAGE(!options.render.helm.empty(),
                  "helm is missing: run scripts/setup.sh --test");
  return options;
}

struct InSourceDir {
  fs::path before = fs::current_path();
  InSourceDir() { fs::current_path(LAUNCHLINT_SOURCE_DIR); }
  ~InSourceDir() { fs::current_path(before); }
};

constexpr std::string_view kChart = "testdata/charts/llm-stack";

// The test chart linted with two values sets, prod and dev.
LintRun lint_prod_and_dev() {
  LintOptions options = chart_options();
  options.render.values_sets = {
      {"prod", {std::string(kChart) + "/values-prod.yaml"}},
      {"dev", {std::string(kChart) + "/values-dev.yaml"}}};
  return lint_paths({std::string(kChart)}, options);
}

}  // namespace

TEST_CASE(
    "chart findings map to template lines, values lines and named templates") {
  InSourceDir here;
  LintRun run = lint_paths({std::string(kChart)}, chart_options());
  CHECK(run.errors.empty());
  std::string rendered = "testdata/charts/llm-stack (helm template)";
  std::multiset<std::string> want = {
      // A literal key with values in it: the template line; values related.
      "ROL001 release-dcgm at "
      "testdata/charts/llm-stack/charts/metrics/templates/daemonset.yaml:16:11"
      "\n  testdata/charts/llm-stack/charts/metrics/values.yaml:2:3 value "
      "image.repository is set here"
      "\n  testdata/charts/llm-stack/charts/metrics/values.yaml:3:3 value "
      "image.tag is set here, "
      "overridden by testdata/charts/llm-stack/values.yaml"
      "\n  testdata/charts/llm-stack/values.yaml:31:5 value image.tag is set "
      "here"
      "\n  " +
          rendered +
          ":18:18 rendered by helm template "
          "(spec.template.spec.containers[0].image)",
      // A subchart's literal key.
      "SEC001 release-dcgm at "
      "testdata/charts/llm-stack/charts/metrics/templates/daemonset.yaml:26:13"
      "\n  " +
          rendered +
          ":28:25 rendered by helm template "
          "(spec.template.spec.containers[0].securityContext.privileged)",
      // A `range` item: the item line, and the values element.
      "ROL002 release-vllm at "
      "testdata/charts/llm-stack/templates/deployment.yaml:36:9"
      "\n  testdata/charts/llm-stack/values.yaml:22:5 value sidecars[0] is set "
      "here"
      "\n  " +
          rendered +
          ":70:11 rendered by helm template (spec.template.spec.containers[1])",
      "SCH001 release-vllm at "
      "testdata/charts/llm-stack/templates/deployment.yaml:36:9"
      "\n  testdata/charts/llm-stack/values.yaml:22:5 value sidecars[0] is set "
      "here"
      "\n  " +
          rendered +
          ":70:11 rendered by helm template (spec.template.spec.containers[1])",
      // An include of a named template in a conditional document.
      "SEC001 release-router at "
      "testdata/charts/llm-stack/templates/router.yaml:28:13"
      "\n  testdata/charts/llm-stack/templates/_helpers.tpl:10:1 written by "
      "template "
      "\"llm-stack.routerSecurity\""
      "\n  testdata/charts/llm-stack/values.yaml:27:3 value router.privileged "
      "is set here"
      "\n  " +
          rendered +
          ":101:25 rendered by helm template "
          "(spec.template.spec.containers[0].securityContext.privileged)",
      // toYaml blocks with nindent: the values line is the place to fix; the
      // rule's own related place (the limit) moves to values too.
      "SCH002 release-vllm at testdata/charts/llm-stack/values.yaml:9:5"
      "\n  testdata/charts/llm-stack/templates/deployment.yaml:32:13 written "
      "into the "
      "manifest by this template line"
      "\n  " +
          rendered +
          ":66:31 rendered by helm template "
          "(spec.template.spec.containers[0].resources.requests.\"nvidia.com/"
          "gpu\")"
          "\n  testdata/charts/llm-stack/values.yaml:11:5 the limit",
      "SEC001 release-vllm at testdata/charts/llm-stack/values.yaml:15:3"
      "\n  testdata/charts/llm-stack/templates/deployment.yaml:34:13 written "
      "into the "
      "manifest by this template line"
      "\n  " +
          rendered +
          ":68:25 rendered by helm template "
          "(spec.template.spec.containers[0].securityContext.privileged)",
  };
  CHECK(describe_all(run) == want);
  CHECK(run.findings.size() >= want.size());
  for (const Finding& f : run.findings) {
    CHECK(f.helm_source.starts_with("llm-stack/"));
    CHECK(f.values_set.empty());
  }
}

TEST_CASE(
    "a -f values file is the related location of the value it overrides") {
  InSourceDir here;
  LintOptions options = chart_options();
  options.render.values = {std::string(kChart) + "/values-prod.yaml"};
  LintRun run = lint_paths({std::string(kChart)}, options);
  CHECK(run.errors.empty());
  const Finding* image = nullptr;
  for (const Finding& f : run.findings)
    if (f.rule->id == "ROL001" && f.object.name == "release-vllm") image = &f;
  REQUIRE(image);
  CHECK(where(image->location) ==
        "testdata/charts/llm-stack/templates/deployment.yaml:23:11");
  REQUIRE(image->related.size() == 4);
  CHECK(where(image->related[1].location) ==
        "testdata/charts/llm-stack/values.yaml:3:3");
  CHECK(image->related[1].message ==
        "value image.tag is set here, overridden by "
        "testdata/charts/llm-stack/values-prod.yaml");
  CHECK(where(image->related[2].location) ==
        "testdata/charts/llm-stack/values-prod.yaml:3:3");
  // values-prod.yaml turns the router off: its finding is gone.
  for (const Finding& f : run.findings)
    CHECK(f.object.name != "release-router");
}

TEST_CASE("values sets lint each rendering and label the findings") {
  InSourceDir here;
  LintRun run = lint_prod_and_dev();
  CHECK(run.errors.empty());
  std::multiset<std::string> got;
  for (const Finding& f : run.findings)
    if (checked(f))
      got.insert(fmt::format("{} {} {}:{} [{}]", f.rule->id, f.object.name,
                             f.location.file_name(), f.location.line,
                             f.values_set));
  std::string t = "testdata/charts/llm-stack/";
  std::multiset<std::string> want = {
      "ROL001 release-dcgm " + t +
          "charts/metrics/templates/daemonset.yaml:16 [prod, dev]",
      "SEC001 release-dcgm " + t +
          "charts/metrics/templates/daemonset.yaml:26 [prod, dev]",
      "ROL001 release-vllm " + t + "templates/deployment.yaml:23 [prod]",
      "ROL002 release-vllm " + t + "templates/deployment.yaml:36 [prod, dev]",
      "SCH001 release-vllm " + t + "templates/deployment.yaml:36 [prod, dev]",
      "SCH002 release-vllm " + t + "values.yaml:9 [prod, dev]",
      "SEC001 release-vllm " + t + "values.yaml:15 [prod]",
      "SEC001 release-router " + t + "templates/router.yaml:28 [dev]",
  };
  CHECK(got == want);

  // The merged model is whole: every pod template shares one accelerator
  // vocabulary (the other sets' runs are gone) and the indexes point into the
  // merged objects, so the review can read them.
  const AcceleratorVocabulary* vocabulary = nullptr;
  for (const Object& o : run.model.objects) {
    for (const PodTemplate& pod : o.pods) {
      if (!vocabulary) vocabulary = pod.accelerators;
      CHECK(pod.accelerators == vocabulary);
    }
  }
  CHECK(vocabulary != nullptr);
  const Object* first = run.model.objects.data();
  const Object* end = first + run.model.objects.size();
  for (const Object* o : run.model.in_namespace("default"))
    CHECK((o >= first && o < end));
  REQUIRE(run.namespaces->pods().size() > 0);
  for (const PodRef& pod : run.namespaces->pods())
    CHECK((pod.object >= first && pod.object < end));

  // Every output names the set.
  Report report{run.findings, run.model.stats, builtin_rules(),
                run.model.objects.size()};
  std::ostringstream text, json, sarif;
  write_text(text, report, false);
  write_json(json, report);
  write_sarif(sarif, report, {});
  CHECK(text.str().find("(from llm-stack/templates/router.yaml, values dev)") !=
        std::string::npos);
  CHECK(json.str().find(R"("valuesSet":"prod, dev")") != std::string::npos);
  CHECK(
      sarif.str().find(
          R"("properties":{"helmSource":"llm-stack/templates/router.yaml","valuesSet":"dev"})") !=
      std::string::npos);
}

TEST_CASE(
    "values sets: the merged model holds and indexes every set's objects") {
  InSourceDir here;
  LintRun run = lint_prod_and_dev();
  REQUIRE(run.errors.empty());
  std::set<const AcceleratorVocabulary*> vocabularies;
  std::size_t dev_router = 0;
  for (const Object& o : run.model.objects) {
    CAPTURE(o.id.display());
    const auto& same_ns = run.model.in_namespace(o.id.ns);
    CHECK(std::find(same_ns.begin(), same_ns.end(), &o) != same_ns.end());
    const auto& same_kind = run.model.of_kind(o.id.ns, o.group, o.id.kind);
    CHECK(std::find(same_kind.begin(), same_kind.end(), &o) != same_kind.end());
    for (const PodTemplate& pod : o.pods) vocabularies.insert(pod.accelerators);
    if (o.id.name == "release-router") ++dev_router;
  }
  CHECK(dev_router == 1);  // rendered by the dev set only
  // One vocabulary for all: the model's, not that of a set's run, now gone.
  CHECK(vocabularies.size() == 1);
  CHECK(run.namespaces != nullptr);
}

TEST_CASE("a Helm template error is a finding at the template line") {
  InSourceDir here;
  LintRun run = lint_paths({"testdata/charts/broken"}, chart_options());
  CHECK(run.errors.empty());
  REQUIRE(run.findings.size() == 1);  // nothing rendered: nothing else to find
  const Finding& f = run.findings[0];
  CHECK(f.rule->name == "helm-template-error");
  CHECK(where(f.location) ==
        "testdata/charts/broken/templates/configmap.yaml:6:19");
  CHECK(f.message.find("nil pointer evaluating interface {}.uri") !=
        std::string::npos);
  CHECK(f.message.find("chart testdata/charts/broken") == 0);
}

TEST_CASE(
    "a missing helm is an error naming the chart; other inputs are linted") {
  InSourceDir here;
  LintOptions options;
  options.render.helm = "/nonexistent/helm";
  LintRun run = lint_paths(
      {"testdata/charts/broken", "testdata/kustomize/base"}, options);
  REQUIRE(run.errors.size() == 1);
  CHECK(run.errors[0].path == "testdata/charts/broken");
  CHECK(run.errors[0].message.find("/nonexistent/helm not found") !=
        std::string::npos);
  CHECK(!run.findings.empty());  // the kustomize base still is
}

TEST_CASE(
    "kustomize findings map to the resource or the patch that sets them") {
  InSourceDir here;
  std::set<fs::path> before;
  for (const auto& e : fs::recursive_directory_iterator("testdata/kustomize"))
    before.insert(e.path());
  LintOptions options;
  options.render.kustomize = test_kubectl();
  REQUIRE_MESSAGE(!options.render.kustomize.empty(),
                  "kubectl is missing: run scripts/setup.sh --test");
  LintRun run = lint_paths({"testdata/kustomize/overlays/prod"}, options);
  CHECK(run.errors.empty());
  std::string built = "testdata/kustomize/overlays/prod (kustomize build)";
  std::multiset<std::string> want = {
      "ROL002 prod-tgi at testdata/kustomize/base/deployment.yaml:16:11"
      "\n  " +
          built + ":16:9 built by kustomize (spec.template.spec.containers[0])",
      "SCH002 prod-tgi at testdata/kustomize/base/deployment.yaml:22:15"
      "\n  " +
          built +
          ":24:29 built by kustomize "
          "(spec.template.spec.containers[0].resources.requests.\"nvidia.com/"
          "gpu\")"
          "\n  testdata/kustomize/overlays/prod/gpu-patch.yaml:12:15 the limit",
      // The overlay's `images:` entry sets the tag.
      "ROL001 prod-tgi at "
      "testdata/kustomize/overlays/prod/kustomization.yaml:10:13"
      "\n  testdata/kustomize/base/deployment.yaml:17:11 the image this "
      "kustomization "
      "entry rewrites"
      "\n  " +
          built +
          ":16:16 built by kustomize (spec.template.spec.containers[0].image)",
      "SEC001 prod-tgi at testdata/kustomize/overlays/prod/gpu-patch.yaml:14:13"
      "\n  testdata/kustomize/base/deployment.yaml:16:11 the resource this "
      "patch changes"
      "\n  " +
          built +
          ":26:23 built by kustomize "
          "(spec.template.spec.containers[0].securityContext.privileged)",
  };
  CHECK(describe_all(run) == want);
  // Nothing the user gave is modified: no file added, no origin annotation
  // left in what the rules saw.
  std::set<fs::path> after;
  for (const auto& e : fs::recursive_directory_iterator("testdata/kustomize"))
    after.insert(e.path());
  CHECK(before == after);
  for (const Object& o : run.model.objects)
    CHECK(o.annotation("config.kubernetes.io/origin").empty());
}

TEST_CASE(
    "a rendered stream without its chart keeps rendered lines and names the "
    "template") {
  InSourceDir here;
  std::string stream =
      "---\n"
      "# Source: vllm/templates/deployment.yaml\n"
      "apiVersion: apps/v1\n"
      "kind: Deployment\n"
      "metadata:\n"
      "  name: vllm\n"
      "spec:\n"
      "  template:\n"
      "    spec:\n"
      "      containers:\n"
      "        - name: vllm\n"
      "          image: vllm/vllm-openai:latest\n"
      "          securityContext:\n"
      "            privileged: true\n";
  LintRun run = lint_texts({{"rendered.yaml", stream}}, LintOptions{});
  REQUIRE(!run.findings.empty());
  for (const Finding& f : run.findings) {
    CHECK(f.location.file_name() == "rendered.yaml");
    CHECK(f.helm_source == "vllm/templates/deployment.yaml");
  }
  Report report{run.findings, run.model.stats, builtin_rules(),
                run.model.objects.size()};
  std::ostringstream text, json, sarif;
  write_text(text, report, false);
  write_json(json, report);
  write_sarif(sarif, report, {});
  CHECK(text.str().find("(from vllm/templates/deployment.yaml)") !=
        std::string::npos);
  CHECK(json.str().find(R"("helmSource":"vllm/templates/deployment.yaml")") !=
        std::string::npos);
  CHECK(
      sarif.str().find(
          R"("properties":{"helmSource":"vllm/templates/deployment.yaml"})") !=
      std::string::npos);
}

}  // namespace launchlint

namespace launchlint {

namespace {

std::vector<std::string> file_lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  return lines;
}

// Every key of every rendered document maps to a template line that writes
// that key, or to the action that produces it.
void check_chart_keys(const std::string& chart, std::string* problems,
                      std::size_t* checked) {
  RenderOptions options;
  options.helm = test_helm();
  std::vector<Rendering> r = render_all({chart}, {}, options);
  REQUIRE(r.size() == 1);
  REQUIRE_MESSAGE(!r[0].failed, r[0].error);
  ParsedStream parsed =
      parse_stream(r[0].text, std::make_shared<const std::string>("rendered"));
  for (const auto& doc : parsed.documents) {
    std::string file = helm_source_file(chart, doc->helm_source);
    REQUIRE_MESSAGE(!file.empty(), doc->helm_source);
    std::vector<std::string> lines = file_lines(file);
    std::string text;
    for (const std::string& l : lines) text += l + "\n";
    std::string kind(doc->root()["kind"].str());
    std::vector<NodeRef> todo = {doc->root()};
    while (!todo.empty()) {
      NodeRef node = todo.back();
      todo.pop_back();
      for (std::uint32_t i = 0; i < node.size(); ++i) {
        todo.push_back(node.at(i));
        if (!node.is_map()) continue;
        NodeRef key = node.key_at(i);
        std::string path = doc->path_of(key);
        TemplateMatch m =
            map_template(text, parse_yaml_path(path), doc->root(), kind);
        ++*checked;
        std::string at =
            m.line >= 1 && m.line <= lines.size() ? lines[m.line - 1] : "";
        bool ok = m.exact ? at.find(std::string(key.str())) != std::string::npos
                          : at.find("{{") != std::string::npos;
        if (!ok)
          *problems += fmt::format("{} {} -> {}:{} `{}`\n", doc->helm_source,
                                   path, file, m.line, at);
      }
    }
  }
}

}  // namespace

TEST_CASE(
    "every rendered key maps to a template line writing it or its action") {
  InSourceDir here;
  std::size_t checked = 0;
  std::string problems;
  check_chart_keys(std::string(kChart), &problems, &checked);
  check_chart_keys("testdata/charts/model-fleet", &problems, &checked);
  // The chart `helm create` writes: the shape most charts start from.
  fs::path tmp = fs::temp_directory_path() /
                 fmt::format("launchlint-scaffold-{}", ::getpid());
  fs::create_directories(tmp);
  ToolResult created =
      run_tool({test_helm(), "create", (tmp / "scaffold").string()}, 60);
  REQUIRE(created.exit_code == 0);
  check_chart_keys((tmp / "scaffold").string(), &problems, &checked);
  fs::remove_all(tmp);
  INFO(problems);
  CHECK(problems.empty());
  CHECK(checked > 150);
}

}  // namespace launchlint

namespace launchlint {

TEST_CASE("a packaged subchart keeps rendered lines and names its template") {
  InSourceDir here;
  fs::path tmp = fs::temp_directory_path() /
                 fmt::format("launchlint-packaged-{}", ::getpid());
  fs::remove_all(tmp);
  fs::create_directories(tmp / "llm-stack");
  fs::copy(kChart, tmp / "llm-stack", fs::copy_options::recursive);
  fs::path sub = tmp / "llm-stack" / "charts" / "metrics";
  ToolResult packed =
      run_tool({test_helm(), "package", sub.string(), "--destination",
                (tmp / "llm-stack" / "charts").string()},
               60);
  REQUIRE_MESSAGE(packed.exit_code == 0, packed.err);
  fs::remove_all(sub);
  std::string chart = (tmp / "llm-stack").string();
  LintRun run = lint_paths({chart}, chart_options());
  CHECK(run.errors.empty());
  std::size_t subchart = 0, mapped = 0;
  for (const Finding& f : run.findings) {
    if (!checked(f)) continue;
    if (f.helm_source.starts_with("llm-stack/charts/metrics/")) {
      ++subchart;
      CHECK(f.location.file_name() == chart + " (helm template)");
    } else {
      ++mapped;
      CHECK(f.location.file_name().starts_with(chart + "/"));
    }
  }
  CHECK(subchart == 2);
  CHECK(mapped == 5);
  fs::remove_all(tmp);
}

}  // namespace launchlint

namespace launchlint {

TEST_CASE(
    "range over values: one document per element, items of nested ranges") {
  InSourceDir here;
  LintRun run = lint_paths({"testdata/charts/model-fleet"}, chart_options());
  CHECK(run.errors.empty());
  std::string t = "testdata/charts/model-fleet/templates/models.yaml";
  std::string v = "testdata/charts/model-fleet/values.yaml";
  std::string rendered = "testdata/charts/model-fleet (helm template)";
  std::multiset<std::string> want = {
      // The second document of a range around the whole template: models[1].
      "ROL001 mistral at " + t +
          ":18:11"
          "\n  " +
          v +
          ":7:5 value models[1].image is set here"
          "\n  " +
          rendered +
          ":47:18 rendered by helm template "
          "(spec.template.spec.containers[0].image)",
      // A range inside it: models[1].sidecars[0].
      "ROL001 mistral at " + t +
          ":36:11"
          "\n  " +
          v +
          ":16:9 value models[1].sidecars[0].image is set here"
          "\n  " +
          rendered +
          ":65:18 rendered by helm template "
          "(spec.template.spec.containers[1].image)",
      "SCH002 llama at " + t +
          ":27:15"
          "\n  " +
          v +
          ":4:5 value models[0].gpus is set here"
          "\n  " +
          rendered +
          ":27:31 rendered by helm template "
          "(spec.template.spec.containers[0].resources.requests.\"nvidia.com/"
          "gpu\")"
          "\n  " +
          t + ":29:15 the limit",
  };
  CHECK(describe_all(run) == want);
}

}  // namespace launchlint
