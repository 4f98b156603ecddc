#include <doctest/doctest.h>

#include <chrono>

#include "linter/render/render.h"
#include "linter/render/run_tool.h"

namespace launchlint {

TEST_CASE("run_tool passes arguments as given, with no shell") {
  ToolResult t = run_tool({"printf", "%s|%s", "a; echo b", "$HOME *"}, 10);
  REQUIRE(t.started);
  CHECK(t.exit_code == 0);
  CHECK(t.out == "a; echo b|$HOME *");
}

TEST_CASE("run_tool reports exit status, stderr and a missing program") {
  ToolResult t = run_tool({"ls", "/definitely/not/here"}, 10);
  REQUIRE(t.started);
  CHECK(t.exit_code != 0);
  CHECK(!t.err.empty());
  ToolResult missing = run_tool({"no-such-program-launchlint"}, 10);
  CHECK(!missing.started);
  CHECK(missing.error == "no-such-program-launchlint: program not found");
}

TEST_CASE("run_tool kills a program that outlives its timeout") {
  auto start = std::chrono::steady_clock::now();
  ToolResult t = run_tool({"sleep", "30"}, 1);
  auto took = std::chrono::steady_clock::now() - start;
  CHECK(t.started);
  CHECK(t.timed_out);
  CHECK(took < std::chrono::seconds(10));
}

TEST_CASE("helm_argv passes every option through") {
  RenderOptions o;
  o.helm = "/opt/helm";
  o.values = {"a.yaml", "b.yaml"};
  o.set = {"x=1"};
  o.set_string = {"y=2"};
  o.set_file = {"z=f.txt"};
  o.api_versions = {"monitoring.coreos.com/v1"};
  o.release_name = "rel";
  o.ns = "llm";
  o.kube_version = "1.31.0";
  ValuesSet prod{"prod", {"prod.yaml"}};
  std::vector<std::string> want = {"/opt/helm",
                                   "template",
                                   "rel",
                                   "chart",
                                   "--values",
                                   "a.yaml",
                                   "--values",
                                   "b.yaml",
                                   "--values",
                                   "prod.yaml",
                                   "--set",
                                   "x=1",
                                   "--set-string",
                                   "y=2",
                                   "--set-file",
                                   "z=f.txt",
                                   "--api-versions",
                                   "monitoring.coreos.com/v1",
                                   "--namespace",
                                   "llm",
                                   "--kube-version",
                                   "1.31.0"};
  CHECK(helm_argv("chart", o, &prod) == want);
}

TEST_CASE("Helm error messages of v3 and v4 become template locations") {
  Rendering v4;
  CHECK(
      parse_helm_error("Error: demo/templates/d.yaml:6:15\n  executing "
                       "\"demo/templates/d.yaml\" "
                       "at <.Values.missing.deep>:\n    nil pointer evaluating "
                       "interface {}.deep\n\n"
                       "Use --debug flag to render out invalid YAML\n",
                       "charts/demo", &v4));
  CHECK(v4.error_file == "charts/demo/templates/d.yaml");
  CHECK(v4.error_line == 6);
  CHECK(v4.error_column == 15);
  CHECK(v4.error_message ==
        "executing \"demo/templates/d.yaml\" at <.Values.missing.deep>: nil "
        "pointer evaluating interface {}.deep");

  Rendering v3;
  CHECK(parse_helm_error(
      "Error: template: demo/templates/d.yaml:12:3: executing "
      "\"demo/templates/d.yaml\" at <.Values.x>: nil pointer\n",
      "demo", &v3));
  CHECK(v3.error_line == 12);
  CHECK(v3.error_column == 3);

  Rendering fail;
  CHECK(parse_helm_error(
      "Error: execution error at (demo/templates/d.yaml:1:3): need x\n", "demo",
      &fail));
  CHECK(fail.error_line == 1);
  CHECK(fail.error_message == "execution error: need x");

  Rendering parse;
  CHECK(parse_helm_error(
      "Error: parse error at (demo/templates/d.yaml:5): unclosed action\n",
      "demo", &parse));
  CHECK(parse.error_line == 5);
  CHECK(parse.error_column == 1);

  Rendering other;
  CHECK(!parse_helm_error("Error: chart requires kubeVersion: >=1.30\n", "demo",
                          &other));
}

TEST_CASE("origin annotations are removed and remembered per document") {
  std::string built =
      "apiVersion: v1\n"
      "kind: Service\n"
      "metadata:\n"
      "  annotations:\n"
      "    config.kubernetes.io/origin: |\n"
      "      path: ../app/service.yaml\n"
      "  name: svc\n"
      "---\n"
      "apiVersion: v1\n"
      "kind: ConfigMap\n"
      "metadata:\n"
      "  annotations:\n"
      "    config.kubernetes.io/origin: |\n"
      "      path: ../app/cm.yaml\n"
      "    team: serving\n"
      "  name: cm\n";
  std::vector<KustomizeOrigin> origins;
  std::string text = strip_origins(built, "/tmp/wrap", &origins);
  CHECK(text ==
        "apiVersion: v1\n"
        "kind: Service\n"
        "metadata:\n"
        "  name: svc\n"
        "---\n"
        "apiVersion: v1\n"
        "kind: ConfigMap\n"
        "metadata:\n"
        "  annotations:\n"
        "    team: serving\n"
        "  name: cm\n");
  REQUIRE(origins.size() == 2);
  CHECK(origins[0].first_line == 1);
  CHECK(origins[0].last_line == 4);
  CHECK(origins[0].file.ends_with("app/service.yaml"));
  CHECK(origins[1].first_line == 6);
  CHECK(origins[1].last_line == 11);
  CHECK(origins[1].file.ends_with("app/cm.yaml"));
}

}  // namespace launchlint
