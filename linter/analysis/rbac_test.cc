// The RBAC authorizer's semantics, one case per behaviour, each citing what
// Kubernetes documents or what its authorizer (plugin/pkg/auth/authorizer/
// rbac/rbac.go, pkg/apis/rbac/v1/evaluation_helpers.go) does.
#include <doctest/doctest.h>

#include "linter/analysis/namespace_model.h"
#include "linter/analysis/rbac.h"
#include "linter/lint/lint.h"

namespace launchlint {

namespace {

constexpr std::string_view kRoles = R"(
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: reader, namespace: llm}
rules:
- apiGroups: [""]
  resources: [secrets]
  resourceNames: [hf-token]
  verbs: [get]
- apiGroups: [""]
  resources: [pods, pods/log]
  verbs: [get, list]
- apiGroups: [apps]
  resources: ["*/scale"]
  verbs: [update]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: reader, namespace: llm}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
subjects:
- {kind: ServiceAccount, name: vllm}
- {kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: elsewhere, namespace: other}
rules:
- {apiGroups: ["*"], resources: ["*"], verbs: ["*"]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: wrong-namespace-role, namespace: llm}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: elsewhere}
subjects:
- {kind: User, name: bob, apiGroup: rbac.authorization.k8s.io}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: crb-to-role}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
subjects:
- {kind: User, name: carol, apiGroup: rbac.authorization.k8s.io}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: node-reader}
rules:
- {apiGroups: [""], resources: [nodes], verbs: [get, list]}
- {nonResourceURLs: [/metrics, "/debug/*"], verbs: [get]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: sre}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: node-reader}
subjects:
- {kind: Group, name: sre, apiGroup: rbac.authorization.k8s.io}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: urls-by-rolebinding, namespace: llm}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: node-reader}
subjects:
- {kind: User, name: dave, apiGroup: rbac.authorization.k8s.io}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: monitoring}
aggregationRule:
  clusterRoleSelectors:
  - matchLabels: {example.com/aggregate-to-monitoring: "true"}
rules:
- {apiGroups: [""], resources: [secrets], verbs: [get]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: monitoring-endpoints
  labels: {example.com/aggregate-to-monitoring: "true"}
rules:
- {apiGroups: [""], resources: [endpoints], verbs: [list]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: monitoring}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: monitoring}
subjects:
- {kind: Group, name: "system:serviceaccounts:monitoring", apiGroup: rbac.authorization.k8s.io}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: all-service-accounts}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects:
- {kind: Group, name: "system:serviceaccounts", apiGroup: rbac.authorization.k8s.io}
)";

struct Case {
  const char* why;  // the Kubernetes behaviour the case pins down
  const char* user;
  std::vector<std::string> groups;
  const char* verb;
  const char* resource;  // can-i's RESOURCE[/NAME] or a URL
  const char* subresource;
  const char* ns;
  bool allowed;
};

}  // namespace

TEST_CASE("RBAC authorizer semantics") {
  LintRun run = lint_texts({{"rbac.yaml", std::string(kRoles)}}, LintOptions{});
  REQUIRE(run.namespaces);
  const Rbac& rbac = run.namespaces->rbac();
  const std::string sa = "system:serviceaccount:llm:vllm";
  const Case cases[] = {
      {"RoleBinding grants a Role's rule in its namespace (docs: RoleBinding "
       "and ClusterRoleBinding)",
       "alice",
       {},
       "get",
       "pods",
       "",
       "llm",
       true},
      {"RoleBinding grants nothing in other namespaces",
       "alice",
       {},
       "get",
       "pods",
       "",
       "other",
       false},
      {"RoleBinding grants nothing cluster-wide (a request without a "
       "namespace only sees ClusterRoleBindings)",
       "alice",
       {},
       "get",
       "pods",
       "",
       "",
       false},
      {"a verb not listed is denied",
       "alice",
       {},
       "delete",
       "pods",
       "",
       "llm",
       false},
      {"resourceNames: a request naming a listed object is allowed",
       "alice",
       {},
       "get",
       "secrets/hf-token",
       "",
       "llm",
       true},
      {"resourceNames: another name is denied",
       "alice",
       {},
       "get",
       "secrets/other",
       "",
       "llm",
       false},
      {"resourceNames: a request without a name (list, or get of the "
       "collection) does not match a rule listing names (docs: Referring to "
       "resources)",
       "alice",
       {},
       "get",
       "secrets",
       "",
       "llm",
       false},
      {"subresource pods/log is its own resource",
       "alice",
       {},
       "get",
       "pods",
       "log",
       "llm",
       true},
      {"a rule for pods does not cover pods/exec",
       "alice",
       {},
       "get",
       "pods",
       "exec",
       "llm",
       false},
      {"\"*/scale\" matches the scale subresource of every resource "
       "(RuleAllows)",
       "alice",
       {},
       "update",
       "deployments.apps/vllm",
       "scale",
       "llm",
       true},
      {"\"*/scale\" does not match the resource itself",
       "alice",
       {},
       "update",
       "deployments.apps/vllm",
       "",
       "llm",
       false},
      {"the API group must match: deployments (apps) from the built-in table",
       "alice",
       {},
       "update",
       "deployments",
       "scale",
       "llm",
       true},
      {"the API group must match: an explicit other group",
       "alice",
       {},
       "update",
       "deployments.example.com",
       "scale",
       "llm",
       false},
      {"service account subject: namespace defaults to the binding's "
       "(appliesToUser)",
       sa.c_str(),
       {},
       "get",
       "pods",
       "",
       "llm",
       true},
      {"a RoleBinding to a Role of another namespace grants nothing (the Role "
       "is looked up in the binding's namespace)",
       "bob",
       {},
       "get",
       "pods",
       "",
       "llm",
       false},
      {"a ClusterRoleBinding to a Role grants nothing",
       "carol",
       {},
       "get",
       "pods",
       "",
       "llm",
       false},
      {"Group subject matches a group of the user",
       "erin",
       {"sre"},
       "list",
       "nodes",
       "",
       "",
       true},
      {"ClusterRoleBinding grants in every namespace",
       "erin",
       {"sre"},
       "get",
       "nodes",
       "",
       "llm",
       true},
      {"nonResourceURLs: exact match",
       "erin",
       {"sre"},
       "get",
       "/metrics",
       "",
       "",
       true},
      {"nonResourceURLs: a trailing * is a prefix match",
       "erin",
       {"sre"},
       "get",
       "/debug/pprof/heap",
       "",
       "",
       true},
      {"nonResourceURLs: no prefix without the *",
       "erin",
       {"sre"},
       "get",
       "/metrics/cadvisor",
       "",
       "",
       false},
      {"nonResourceURLs only through ClusterRoleBindings: a RoleBinding to the "
       "same ClusterRole grants no URL",
       "dave",
       {},
       "get",
       "/metrics",
       "",
       "",
       false},
      {"a RoleBinding to a ClusterRole grants its resource rules in the "
       "binding's namespace",
       "dave",
       {},
       "get",
       "nodes",
       "",
       "llm",
       true},
      {"a service account user is in system:serviceaccounts:NS "
       "(aggregated ClusterRole: rules of the selected roles)",
       "system:serviceaccount:monitoring:prometheus",
       {},
       "list",
       "endpoints",
       "",
       "llm",
       true},
      {"aggregated ClusterRole: the controller replaces its own rules",
       "system:serviceaccount:monitoring:prometheus",
       {},
       "get",
       "secrets",
       "",
       "llm",
       false},
      {"every service account is in system:serviceaccounts (view: pods)",
       "system:serviceaccount:batch:job",
       {},
       "list",
       "pods",
       "",
       "batch",
       true},
      {"view never includes secrets",
       "system:serviceaccount:batch:job",
       {},
       "get",
       "secrets",
       "",
       "batch",
       false},
      {"a plain user is not in system:serviceaccounts",
       "frank",
       {},
       "list",
       "pods",
       "",
       "batch",
       false},
  };
  for (const Case& c : cases) {
    INFO(std::string(c.why));
    Request request;
    std::string error;
    REQUIRE(parse_resource_arg(c.resource, &request, &error));
    request.verb = c.verb;
    request.subresource = c.subresource;
    request.ns = c.ns;
    UserInfo user = impersonated_user(c.user, c.groups);
    CHECK(rbac.allowed(user, request) == c.allowed);
  }
}

TEST_CASE("service account identities and impersonation groups") {
  UserInfo sa = service_account_user("llm", "vllm");
  CHECK(sa.name == "system:serviceaccount:llm:vllm");
  CHECK(sa.groups == std::vector<std::string>{"system:serviceaccounts",
                                              "system:serviceaccounts:llm",
                                              "system:authenticated"});
  // kubectl --as: the API server adds system:authenticated...
  CHECK(impersonated_user("alice", {"dev"}).groups ==
        std::vector<std::string>{"dev", "system:authenticated"});
  // ...but not for system:anonymous or when a group already says it.
  CHECK(impersonated_user("system:anonymous", {}).groups.empty());
  CHECK(impersonated_user("alice", {"system:unauthenticated"}).groups ==
        std::vector<std::string>{"system:unauthenticated"});
}

TEST_CASE("resource arguments") {
  struct Arg {
    const char* text;
    const char* resource;
    const char* group;
    const char* name;
  };
  for (const Arg& a :
       {Arg{"secrets", "secrets", "", ""},
        Arg{"secrets/hf-token", "secrets", "", "hf-token"},
        Arg{"deployments", "deployments", "apps", ""},
        Arg{"Deployments.apps/vllm", "deployments", "apps", "vllm"},
        Arg{"deployments.v1.apps", "deployments", "apps", ""},
        Arg{"inferenceservices.serving.kserve.io", "inferenceservices",
            "serving.kserve.io", ""},
        Arg{"horizontalpodautoscalers", "horizontalpodautoscalers",
            "autoscaling", ""}}) {
    INFO(a.text);
    Request r;
    std::string error;
    REQUIRE(parse_resource_arg(a.text, &r, &error));
    CHECK(r.resource == a.resource);
    CHECK(r.api_group == a.group);
    CHECK(r.name == a.name);
  }
  Request r;
  std::string error;
  CHECK(parse_resource_arg("/healthz", &r, &error));
  CHECK(r.non_resource);
  CHECK_FALSE(parse_resource_arg("secrets/", &r, &error));
  CHECK_FALSE(parse_resource_arg("secrets/a/b", &r, &error));
}

}  // namespace launchlint
