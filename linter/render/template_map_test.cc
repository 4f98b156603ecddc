#include "linter/render/template_map.h"

#include <doctest/doctest.h>

#include "linter/render/yaml_path.h"

namespace launchlint {

namespace {

TemplateMatch map(std::string_view text, std::string_view path,
                  std::string_view kind = "Deployment") {
  return map_template(text, parse_yaml_path(path), NodeRef(), kind);
}

std::string values(const TemplateMatch& m, std::size_t i = 0) {
  return i < m.values_paths.size() ? format_yaml_path(m.values_paths[i]) : "";
}

constexpr std::string_view kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}
  labels:
    {{- include "chart.labels" . | nindent 4 }}
spec:
  template:
    spec:
      {{- if .Values.gpu }}
      nodeSelector:
        gpu: "true"
      {{- end }}
      containers:
        - name: app
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          {{- with .Values.securityContext }}
          securityContext:
            {{- toYaml . | nindent 12 }}
          {{- end }}
        {{- range .Values.extra }}
        - name: {{ .name }}
          image: {{ .image }}
        {{- end }}
      volumes: {{ toYaml .Values.volumes | nindent 8 }}
)";

}  // namespace

TEST_CASE("literal keys map to their line and column") {
  TemplateMatch m = map(kDeployment, "spec.template.spec.containers[0].image");
  CHECK(m.exact);
  CHECK(m.line == 16);
  CHECK(m.column == 11);
  REQUIRE(m.values_paths.size() == 2);
  CHECK(values(m, 0) == "image.repository");
  CHECK(values(m, 1) == "image.tag");
  m = map(kDeployment, "metadata.name");
  CHECK(m.line == 4);
  CHECK(m.column == 3);
}

TEST_CASE("keys inside conditionals are found; actions are skipped") {
  TemplateMatch m = map(kDeployment, "spec.template.spec.nodeSelector.gpu");
  CHECK(m.exact);
  CHECK(m.line == 12);
}

TEST_CASE("a block written by toYaml maps to the action and the values path") {
  TemplateMatch m = map(
      kDeployment,
      "spec.template.spec.containers[0].resources.limits.\"nvidia.com/gpu\"");
  CHECK(!m.exact);
  CHECK(m.produced);
  CHECK(m.line == 18);
  CHECK(m.column == 13);
  CHECK(m.values_block);
  CHECK(values(m) == "resources.limits.\"nvidia.com/gpu\"");
}

TEST_CASE("toYaml . inside with resolves to the with's values path") {
  TemplateMatch m =
      map(kDeployment,
          "spec.template.spec.containers[0].securityContext.privileged");
  CHECK(m.line == 21);
  CHECK(values(m) == "securityContext.privileged");
}

TEST_CASE("toYaml on the key's own line") {
  TemplateMatch m = map(kDeployment, "spec.template.spec.volumes[0].name");
  CHECK(m.line == 27);
  CHECK(values(m) == "volumes[0].name");
}

TEST_CASE("include lines name their template") {
  TemplateMatch m = map(kDeployment, "metadata.labels.app");
  CHECK(m.line == 6);
  CHECK(m.include_name == "chart.labels");
  CHECK(m.values_paths.empty());
}

TEST_CASE("range items map to the ranged item and the values element") {
  TemplateMatch m = map(kDeployment, "spec.template.spec.containers[2].image");
  CHECK(m.exact);
  CHECK(m.line == 25);
  CHECK(values(m) == "extra[1].image");
  m = map(kDeployment, "spec.template.spec.containers[1]");
  CHECK(m.line == 24);
  CHECK(m.column == 9);
  CHECK(values(m) == "extra[0]");
}

TEST_CASE("a missing field falls back to the nearest literal ancestor") {
  TemplateMatch m =
      map(kDeployment, "spec.template.spec.containers[0].readinessProbe");
  // Not written: the container item, not a toYaml of one of its children.
  CHECK(m.line == 15);
  CHECK(m.column == 9);
  m = map(kDeployment, "spec.template.metadata");
  CHECK(m.line == 8);
  CHECK(m.column == 3);
}

TEST_CASE("the document with the object's kind is searched") {
  std::string_view text = R"(apiVersion: v1
kind: Service
metadata:
  name: svc
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
)";
  CHECK(map(text, "metadata.name", "Deployment").line == 9);
  CHECK(map(text, "metadata.name", "Service").line == 4);
}

TEST_CASE("sequences at the parent's indentation and quoted keys") {
  std::string_view text = R"(kind: Pod
spec:
  containers:
  - name: a
    "securityContext":
      privileged: true
  - name: b
    image: x
)";
  TemplateMatch m = map(text, "spec.containers[1].image", "Pod");
  CHECK(m.line == 8);
  m = map(text, "spec.containers[0].securityContext.privileged", "Pod");
  CHECK(m.line == 6);
  CHECK(m.column == 7);
}

TEST_CASE("find_define locates a named template's body") {
  std::string_view text = R"({{/* helpers */}}
{{- define "a.labels" -}}
app: {{ .Chart.Name }}
{{- if .Values.x }}
x: y
{{- end }}
{{- end }}
{{- define "b" }}b{{ end }}
)";
  std::uint32_t first = 0, last = 0;
  REQUIRE(find_define(text, "a.labels", &first, &last));
  CHECK(first == 2);
  CHECK(last == 7);
  CHECK(!find_define(text, "missing", &first, &last));
}

}  // namespace launchlint
