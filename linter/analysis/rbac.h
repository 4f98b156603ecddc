#pragma once

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "linter/model/model.h"

namespace launchlint {

// One rule of a Role or ClusterRole. Views point into the documents (or into
// static text for the built-in roles).
struct PolicyRule {
  NodeRef node;  // invalid for built-in roles
  std::vector<std::string_view> verbs, api_groups, resources, resource_names,
      non_resource_urls;
  // It lets get, list or watch read Secrets (of its names, when it lists
  // them): worked out once, for secret_read_grants.
  bool reads_secrets = false;
};

struct RoleInfo {
  const Object* object = nullptr;  // null for a built-in role
  bool cluster = false;            // ClusterRole
  std::string ns;
  std::string name;
  std::vector<PolicyRule> rules;  // aggregated rules for aggregated roles
  bool aggregated = false;
  std::string display() const;  // "ClusterRole edit", "Role ns/name"
};

struct SubjectRef {
  std::string kind;  // User, Group, ServiceAccount
  std::string name;
  std::string ns;  // ServiceAccount only
  NodeRef node;
};

struct BindingInfo {
  const Object* object = nullptr;
  bool cluster = false;  // ClusterRoleBinding
  std::string ns;
  std::string role_kind;  // Role or ClusterRole
  std::string role_name;
  std::vector<SubjectRef> subjects;
  std::string display() const;
};

// Who is asking: a user name and its groups.
struct UserInfo {
  std::string name;
  std::vector<std::string> groups;
};

// The identity of pods running as service account NS/NAME:
// system:serviceaccount:NS:NAME in groups system:serviceaccounts,
// system:serviceaccounts:NS and system:authenticated.
UserInfo service_account_user(std::string_view ns, std::string_view name);
// `--as NAME --as-group G...` as the API server impersonates it: adds
// system:authenticated (unless a group already says (un)authenticated), and
// the service-account groups for a service-account user name.
UserInfo impersonated_user(std::string_view name,
                           const std::vector<std::string>& groups);

struct Request {
  std::string verb;
  std::string api_group;
  std::string resource;
  std::string subresource;
  std::string name;
  std::string ns;  // empty: cluster-wide (every namespace)
  bool non_resource = false;
  std::string path;  // non-resource URL
};

// Parses "secrets", "secrets/NAME", "deployments.apps", "pods.v1." or a
// non-resource URL ("/healthz") into `request`. Core resources of the common
// types get their API group from a built-in table. False when malformed.
bool parse_resource_arg(std::string_view text, Request* request,
                        std::string* error);
// The API group of a well-known resource ("deployments" -> "apps"); "" for
// core and unknown resources; `known` says which.
std::string_view builtin_group_of(std::string_view resource, bool* known);

// Whether a well-known resource is cluster-scoped (nodes, namespaces, ...).
bool builtin_cluster_scoped(std::string_view resource);

// Whether one policy rule allows the request (the RBAC authorizer's
// RuleAllows: verbs, apiGroups, resources with subresources and "*/sub",
// resourceNames, nonResourceURLs with a trailing "*").
bool rule_allows(const PolicyRule& rule, const Request& request);

// Where a user's permission comes from.
struct Grant {
  const BindingInfo* binding = nullptr;
  const RoleInfo* role = nullptr;
  const PolicyRule* rule = nullptr;
};

// Roles and bindings of a set, with the RBAC authorizer's semantics.
class Rbac {
 public:
  explicit Rbac(const Model& model);
  Rbac(const Rbac&) = delete;
  Rbac& operator=(const Rbac&) = delete;

  // Allowed, and by which rule (the first found) when `why` is given.
  bool allowed(const UserInfo& user, const Request& request,
               Grant* why = nullptr) const;
  // Every rule the user holds for requests in `ns`: ClusterRoleBindings, plus
  // RoleBindings of `ns` when it is not empty.
  std::vector<Grant> rules_for(const UserInfo& user, std::string_view ns) const;
  // Every rule the user holds through any binding of the set, whatever its
  // namespace (the rules look at where each one applies).
  std::vector<Grant> all_rules_for(const UserInfo& user) const;

  // The role a binding refers to, as the authorizer resolves it: a
  // ClusterRole, or a Role of the binding's own namespace (a
  // ClusterRoleBinding to a Role resolves to nothing).
  const RoleInfo* role_of(const BindingInfo& binding) const;
  const RoleInfo* find_role(bool cluster, std::string_view ns,
                            std::string_view name) const;
  const std::vector<BindingInfo>& bindings() const { return bindings_; }

 private:
  void add_grants(const BindingInfo& binding, std::vector<Grant>* out) const;
  std::vector<const BindingInfo*> bindings_for(const UserInfo& user) const;

  std::vector<RoleInfo> roles_;
  std::vector<BindingInfo> bindings_;
  std::unordered_map<std::string, std::size_t> role_index_;
  // "User:name", "Group:name", "ServiceAccount:ns:name" -> bindings.
  std::unordered_map<std::string, std::vector<std::size_t>> by_subject_;
};

// A grant and where it applies: every namespace (a ClusterRoleBinding) or
// the RoleBinding's namespace.
struct ScopedGrant {
  Grant grant;
  bool everywhere = false;
  std::string ns;
};
// The grants that let `user` read (get, list or watch) Secrets.
std::vector<ScopedGrant> secret_read_grants(const Rbac& rbac,
                                            const UserInfo& user);
// The same among grants already looked up (NamespaceModel::grants_of).
std::vector<ScopedGrant> secret_read_grants(std::span<const Grant> grants);

}  // namespace launchlint
