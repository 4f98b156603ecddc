#include "linter/schema/validate.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "linter/schema/schema.h"
#include "linter/yaml/parse.h"

namespace launchlint {

namespace {

// Validates the first document of `yaml` against the built-in apps/v1
// Deployment schema; returns "kind line:column" per violation.
std::vector<std::string> check_deployment(std::string_view yaml) {
  ParsedStream p =
      parse_stream(yaml, std::make_shared<const std::string>("t.yaml"));
  REQUIRE(p.documents.size() == 1);
  const BuiltinSchemas& builtin = BuiltinSchemas::get();
  const SchemaNode* deployment = builtin.find("apps", "v1", "Deployment");
  REQUIRE(deployment);
  std::vector<SchemaViolation> found;
  validate_object(p.documents[0]->root(), *deployment, *builtin.object_meta(),
                  &found);
  std::vector<std::string> out;
  for (const SchemaViolation& v : found) {
    out.push_back(std::to_string(static_cast<int>(v.kind)) + " " +
                  std::to_string(v.at.line()) + ":" +
                  std::to_string(v.at.column()));
  }
  return out;
}

constexpr std::string_view kHead =
    "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\n";

}  // namespace

TEST_CASE("built-in schemas: kinds by group, version and kind") {
  const BuiltinSchemas& b = BuiltinSchemas::get();
  CHECK(b.find("apps", "v1", "Deployment"));
  CHECK(b.find("", "v1", "Pod"));
  CHECK(b.find("apiextensions.k8s.io", "v1", "CustomResourceDefinition"));
  CHECK_FALSE(b.find("extensions", "v1beta1", "Deployment"));
  CHECK_FALSE(b.find("apps", "v1", "Deploymnet"));
  CHECK(b.has_group("apps"));
  CHECK(b.has_group("extensions"));  // removed, still Kubernetes' own
  CHECK_FALSE(b.has_group("monitoring.coreos.com"));
  const SchemaNode* container =
      b.find("", "v1", "Pod")->property("spec")->property("containers")->items;
  REQUIRE(container);
  CHECK(container->name == "Container");
  CHECK(container->property("resources"));
  CHECK(container->required == std::vector<std::string>{"name"});
  CHECK(container->property("imagePullPolicy")->enum_values.size() == 3);
}

TEST_CASE("scalars are typed the way kubectl reads YAML") {
  auto replicas = [&](std::string_view value) {
    return check_deployment(std::string(kHead) +
                            "spec:\n  replicas: " + std::string(value) +
                            "\n  selector: {}\n  template: {}\n");
  };
  CHECK(replicas("3").empty());
  CHECK(replicas("0x1F").empty());
  CHECK(replicas("1.0").empty());
  CHECK(replicas("null").empty());
  CHECK(replicas("~").empty());
  CHECK(replicas("${REPLICAS}").empty());
  CHECK(replicas("\"3\"") == std::vector<std::string>{"1 5:13"});
  CHECK(replicas("1.5") == std::vector<std::string>{"1 5:13"});
  CHECK(replicas("three") == std::vector<std::string>{"1 5:13"});
  CHECK(replicas("yes") == std::vector<std::string>{"1 5:13"});
  CHECK(replicas("[3]") == std::vector<std::string>{"1 5:13"});

  auto label = [&](std::string_view value) {
    return check_deployment(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels: {a: " +
        std::string(value) + "}\nspec: {selector: {}, template: {}}\n");
  };
  CHECK(label("text").empty());
  CHECK(label("\"1\"").empty());
  CHECK(label("2024-01-01").empty());
  CHECK(label("v1.2").empty());
  CHECK(label("1").size() == 1);
  CHECK(label("1e3").size() == 1);
  CHECK(label(".5").size() == 1);
  CHECK(label("on").size() == 1);
  CHECK(label("false").size() == 1);
  CHECK(label("0o17").empty());  // YAML 1.2 octal: a string to YAML 1.1
}

TEST_CASE("unknown fields, required fields and enums in one walk") {
  auto v = check_deployment(std::string(kHead) +
                            "spec:\n"
                            "  template:\n"
                            "    spec:\n"
                            "      containers:\n"
                            "      - image: x\n"
                            "        imagePullPolicy: Sometimes\n"
                            "        resource: {}\n");
  // Enum at the value, unknown at the key, required at the parent
  // (the container map, then spec).
  CHECK(v == std::vector<std::string>{"3 9:26", "0 10:9", "2 8:9", "2 5:3"});
}

TEST_CASE("did you mean: nearest field name, case ignored") {
  std::vector<std::string_view> fields = {"resources", "nodeSelector", "image",
                                          "imagePullPolicy"};
  CHECK(nearest_name("resource", fields) == "resources");
  CHECK(nearest_name("nodeselector", fields) == "nodeSelector");
  CHECK(nearest_name("imagePullPolcy", fields) == "imagePullPolicy");
  CHECK(nearest_name("imgae", fields) == "image");  // transposition
  CHECK(nearest_name("volumes", fields).empty());
  CHECK(nearest_name("", fields).empty());
}

}  // namespace launchlint
