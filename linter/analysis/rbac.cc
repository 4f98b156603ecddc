#include "linter/analysis/rbac.h"

#include <algorithm>
#include <array>
#include <functional>
#include <set>

#include <fmt/format.h>

#include "linter/analysis/label_selector.h"

namespace launchlint {

namespace {

constexpr std::string_view kSaPrefix = "system:serviceaccount:";

bool contains(const std::vector<std::string_view>& list, std::string_view v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

std::vector<std::string_view> scalars(NodeRef seq) {
  std::vector<std::string_view> out;
  if (seq.is_scalar()) {
    out.push_back(seq.str());
    return out;
  }
  for (std::uint32_t i = 0; i < seq.size(); ++i) {
    if (seq.at(i).is_scalar()) out.push_back(seq.at(i).str());
  }
  return out;
}

std::string role_key(bool cluster, std::string_view ns, std::string_view name) {
  return cluster ? fmt::format("C\x1f{}", name)
                 : fmt::format("R\x1f{}\x1f{}", ns, name);
}

// The common resources and their API groups (core = "").
struct GroupOf {
  std::string_view resource;
  std::string_view group;
};
constexpr std::array kBuiltinGroups = std::to_array<GroupOf>({
    {"bindings", ""},
    {"certificatesigningrequests", "certificates.k8s.io"},
    {"clusterrolebindings", "rbac.authorization.k8s.io"},
    {"clusterroles", "rbac.authorization.k8s.io"},
    {"configmaps", ""},
    {"controllerrevisions", "apps"},
    {"cronjobs", "batch"},
    {"csidrivers", "storage.k8s.io"},
    {"customresourcedefinitions", "apiextensions.k8s.io"},
    {"daemonsets", "apps"},
    {"deployments", "apps"},
    {"endpoints", ""},
    {"endpointslices", "discovery.k8s.io"},
    {"events", ""},
    {"horizontalpodautoscalers", "autoscaling"},
    {"ingressclasses", "networking.k8s.io"},
    {"ingresses", "networking.k8s.io"},
    {"jobs", "batch"},
    {"leases", "coordination.k8s.io"},
    {"limitranges", ""},
    {"mutatingwebhookconfigurations", "admissionregistration.k8s.io"},
    {"namespaces", ""},
    {"networkpolicies", "networking.k8s.io"},
    {"nodes", ""},
    {"persistentvolumeclaims", ""},
    {"persistentvolumes", ""},
    {"poddisruptionbudgets", "policy"},
    {"pods", ""},
    {"podtemplates", ""},
    {"priorityclasses", "scheduling.k8s.io"},
    {"replicasets", "apps"},
    {"replicationcontrollers", ""},
    {"resourcequotas", ""},
    {"rolebindings", "rbac.authorization.k8s.io"},
    {"roles", "rbac.authorization.k8s.io"},
    {"runtimeclasses", "node.k8s.io"},
    {"secrets", ""},
    {"serviceaccounts", ""},
    {"services", ""},
    {"statefulsets", "apps"},
    {"storageclasses", "storage.k8s.io"},
    {"tokenreviews", "authentication.k8s.io"},
    {"validatingwebhookconfigurations", "admissionregistration.k8s.io"},
    {"volumeattachments", "storage.k8s.io"},
});

// Default ClusterRoles every cluster has. cluster-admin is exact; admin, edit
// and view are abridged to the resources a launch review asks about (their
// full lists are long), and aggregate the set's roles labelled
// rbac.authorization.k8s.io/aggregate-to-{admin,edit,view} as a cluster does.
struct BuiltinRule {
  std::vector<std::string_view> verbs, api_groups, resources, urls;
};
struct BuiltinRole {
  std::string_view name;
  std::vector<BuiltinRule> rules;
  std::string_view aggregate_label;  // "" when not aggregated
};

const std::vector<BuiltinRole>& builtin_roles() {
  static const std::vector<std::string_view> kRead = {"get", "list", "watch"};
  static const std::vector<std::string_view> kWrite = {
      "create", "delete", "deletecollection", "patch", "update"};
  static const std::vector<std::string_view> kAll = {
      "create", "delete", "deletecollection", "get",
      "list",   "patch",  "update",           "watch"};
  static const std::vector<BuiltinRule> kView = {
      {kRead,
       {""},
       {"configmaps", "endpoints", "persistentvolumeclaims", "pods", "pods/log",
        "pods/status", "replicationcontrollers", "services", "serviceaccounts",
        "events", "limitranges", "resourcequotas", "namespaces"},
       {}},
      {kRead,
       {"apps"},
       {"deployments", "deployments/scale", "statefulsets",
        "statefulsets/scale", "daemonsets", "replicasets", "replicasets/scale"},
       {}},
      {kRead, {"batch"}, {"jobs", "cronjobs"}, {}},
      {kRead, {"autoscaling"}, {"horizontalpodautoscalers"}, {}},
      {kRead, {"networking.k8s.io"}, {"ingresses", "networkpolicies"}, {}},
      {kRead, {"policy"}, {"poddisruptionbudgets"}, {}},
  };
  static const std::vector<BuiltinRule> kEdit = [] {
    std::vector<BuiltinRule> r = kView;
    r.push_back({kAll,
                 {""},
                 {"secrets", "configmaps", "persistentvolumeclaims", "pods",
                  "services", "serviceaccounts", "replicationcontrollers"},
                 {}});
    r.push_back({{"create", "get"},
                 {""},
                 {"pods/exec", "pods/attach", "pods/portforward", "pods/proxy",
                  "services/proxy"},
                 {}});
    r.push_back({{"impersonate"}, {""}, {"serviceaccounts"}, {}});
    r.push_back({{"create"}, {""}, {"serviceaccounts/token"}, {}});
    r.push_back({kWrite,
                 {"apps"},
                 {"deployments", "deployments/scale", "statefulsets",
                  "statefulsets/scale", "daemonsets", "replicasets"},
                 {}});
    r.push_back({kWrite, {"batch"}, {"jobs", "cronjobs"}, {}});
    r.push_back({kWrite, {"autoscaling"}, {"horizontalpodautoscalers"}, {}});
    r.push_back(
        {kWrite, {"networking.k8s.io"}, {"ingresses", "networkpolicies"}, {}});
    r.push_back({kWrite, {"policy"}, {"poddisruptionbudgets"}, {}});
    return r;
  }();
  static const std::vector<BuiltinRule> kAdmin = [] {
    std::vector<BuiltinRule> r = kEdit;
    r.push_back(
        {kAll, {"rbac.authorization.k8s.io"}, {"roles", "rolebindings"}, {}});
    r.push_back({{"create"},
                 {"authorization.k8s.io"},
                 {"localsubjectaccessreviews"},
                 {}});
    return r;
  }();
  static const std::vector<BuiltinRole> kRoles = {
      {"admin", kAdmin, "rbac.authorization.k8s.io/aggregate-to-admin"},
      {"cluster-admin",
       {{{"*"}, {"*"}, {"*"}, {}}, {{"*"}, {}, {}, {"*"}}},
       ""},
      {"edit", kEdit, "rbac.authorization.k8s.io/aggregate-to-edit"},
      {"view", kView, "rbac.authorization.k8s.io/aggregate-to-view"},
  };
  return kRoles;
}

RoleInfo read_role(const Object& o) {
  RoleInfo role;
  role.object = &o;
  role.cluster = o.id.kind == "ClusterRole";
  role.ns = role.cluster ? "" : o.id.ns;
  role.name = o.id.name;
  NodeRef rules = o.root["rules"];
  for (std::uint32_t i = 0; i < rules.size(); ++i) {
    NodeRef r = rules.at(i);
    if (!r.is_map()) continue;
    role.rules.push_back({r, scalars(r["verbs"]), scalars(r["apiGroups"]),
                          scalars(r["resources"]), scalars(r["resourceNames"]),
                          scalars(r["nonResourceURLs"])});
  }
  return role;
}

}  // namespace

std::string RoleInfo::display() const {
  std::string what = cluster ? fmt::format("ClusterRole {}", name)
                             : fmt::format("Role {}/{}", ns, name);
  if (!object) what += " (built-in)";
  return what;
}

std::string BindingInfo::display() const {
  return cluster ? fmt::format("ClusterRoleBinding {}", object->id.name)
                 : fmt::format("RoleBinding {}/{}", ns, object->id.name);
}

UserInfo service_account_user(std::string_view ns, std::string_view name) {
  return {
      fmt::format("{}{}:{}", kSaPrefix, ns, name),
      {"system:serviceaccounts", fmt::format("system:serviceaccounts:{}", ns),
       "system:authenticated"}};
}

UserInfo impersonated_user(std::string_view name,
                           const std::vector<std::string>& groups) {
  UserInfo user{std::string(name), groups};
  if (name.starts_with(kSaPrefix)) {
    std::string_view rest = name.substr(kSaPrefix.size());
    std::size_t colon = rest.find(':');
    if (colon != std::string_view::npos) {
      user.groups.push_back("system:serviceaccounts");
      user.groups.push_back(
          fmt::format("system:serviceaccounts:{}", rest.substr(0, colon)));
    }
  }
  bool says = false;
  for (const std::string& g : groups)
    says = says || g == "system:authenticated" || g == "system:unauthenticated";
  if (name != "system:anonymous" && !says)
    user.groups.push_back("system:authenticated");
  return user;
}

std::string_view builtin_group_of(std::string_view resource, bool* known) {
  auto it = std::lower_bound(
      kBuiltinGroups.begin(), kBuiltinGroups.end(), resource,
      [](const GroupOf& g, std::string_view r) { return g.resource < r; });
  *known = it != kBuiltinGroups.end() && it->resource == resource;
  return *known ? it->group : std::string_view();
}

bool builtin_cluster_scoped(std::string_view resource) {
  static constexpr std::array<std::string_view, 17> kCluster = {
      "certificatesigningrequests",
      "clusterrolebindings",
      "clusterroles",
      "csidrivers",
      "customresourcedefinitions",
      "ingressclasses",
      "mutatingwebhookconfigurations",
      "namespaces",
      "nodes",
      "persistentvolumes",
      "priorityclasses",
      "runtimeclasses",
      "storageclasses",
      "tokenreviews",
      "validatingwebhookconfigurations",
      "volumeattachments",
      "selfsubjectaccessreviews"};
  return std::find(kCluster.begin(), kCluster.end(), resource) !=
         kCluster.end();
}

bool parse_resource_arg(std::string_view text, Request* request,
                        std::string* error) {
  if (text.starts_with('/')) {
    request->non_resource = true;
    request->path = std::string(text);
    return true;
  }
  std::string_view resource = text;
  std::size_t slash = text.find('/');
  if (slash != std::string_view::npos) {
    resource = text.substr(0, slash);
    request->name = std::string(text.substr(slash + 1));
    if (request->name.empty() || request->name.find('/') != std::string::npos) {
      *error = fmt::format("\"{}\": expected RESOURCE or RESOURCE/NAME", text);
      return false;
    }
  }
  if (resource.empty()) {
    *error = "empty resource";
    return false;
  }
  std::string lower;
  for (char c : resource)
    lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  std::size_t dot = lower.find('.');
  if (dot != std::string::npos) {
    // "deployments.apps", "deployments.v1.apps", "pods.v1." (core).
    request->resource = lower.substr(0, dot);
    std::string_view group = std::string_view(lower).substr(dot + 1);
    std::size_t next = group.find('.');
    if (group.size() > 1 && group[0] == 'v' && group[1] >= '0' &&
        group[1] <= '9') {
      group = next == std::string_view::npos ? std::string_view()
                                             : group.substr(next + 1);
    }
    request->api_group = std::string(group);
    return true;
  }
  request->resource = lower;
  bool known = false;
  request->api_group = std::string(builtin_group_of(lower, &known));
  return true;
}

bool rule_allows(const PolicyRule& rule, const Request& request) {
  if (!contains(rule.verbs, "*") && !contains(rule.verbs, request.verb))
    return false;
  if (request.non_resource) {
    for (std::string_view url : rule.non_resource_urls) {
      if (url == "*" || url == request.path) return true;
      if (url.ends_with('*') && std::string_view(request.path)
                                    .starts_with(url.substr(0, url.size() - 1)))
        return true;
    }
    return false;
  }
  if (!contains(rule.api_groups, "*") &&
      !contains(rule.api_groups, request.api_group))
    return false;
  std::string combined = request.subresource.empty()
                             ? request.resource
                             : request.resource + "/" + request.subresource;
  bool resource_ok = false;
  for (std::string_view r : rule.resources) {
    if (r == "*" || r == combined) {
      resource_ok = true;
      break;
    }
    // "*/scale" matches the scale subresource of every resource.
    if (!request.subresource.empty() &&
        r.size() == request.subresource.size() + 2 && r.starts_with("*/") &&
        r.ends_with(request.subresource)) {
      resource_ok = true;
      break;
    }
  }
  if (!resource_ok) return false;
  // A rule that lists names never matches a request without one.
  if (rule.resource_names.empty()) return true;
  return !request.name.empty() && contains(rule.resource_names, request.name);
}

Rbac::Rbac(const Model& model) {
  for (const Object& o : model.objects) {
    if (o.group != "rbac.authorization.k8s.io") continue;
    if (o.id.kind == "Role" || o.id.kind == "ClusterRole") {
      RoleInfo role = read_role(o);
      std::string key = role_key(role.cluster, role.ns, role.name);
      if (role_index_.count(key)) continue;  // first definition wins
      role_index_.emplace(std::move(key), roles_.size());
      roles_.push_back(std::move(role));
    }
  }
  // Built-in roles the set does not define itself.
  for (const BuiltinRole& b : builtin_roles()) {
    std::string key = role_key(true, "", b.name);
    if (role_index_.count(key)) continue;
    RoleInfo role;
    role.cluster = true;
    role.name = std::string(b.name);
    for (const BuiltinRule& r : b.rules)
      role.rules.push_back(
          {{}, r.verbs, r.api_groups, r.resources, {}, r.urls});
    role_index_.emplace(std::move(key), roles_.size());
    roles_.push_back(std::move(role));
  }
  // Aggregation: an aggregated ClusterRole's rules are the union of the rules
  // of every ClusterRole matching one of its clusterRoleSelectors (the
  // controller overwrites its own rules). Resolved depth-first, so roles that
  // aggregate aggregated roles see their final rules.
  std::vector<std::vector<LabelSelector>> selectors(roles_.size());
  std::vector<LabelSet> labels(roles_.size());
  for (std::size_t i = 0; i < roles_.size(); ++i) {
    RoleInfo& r = roles_[i];
    if (!r.cluster) continue;
    if (r.object) {
      labels[i] = LabelSet::from_node(r.object->labels());
      NodeRef sels = r.object->root["aggregationRule"]["clusterRoleSelectors"];
      for (std::uint32_t j = 0; j < sels.size(); ++j)
        selectors[i].push_back(parse_label_selector(sels.at(j)));
    } else {
      for (const BuiltinRole& b : builtin_roles()) {
        if (b.name != r.name || b.aggregate_label.empty()) continue;
        LabelSelector s;
        s.requirements.push_back(
            {std::string(b.aggregate_label), SelectorOp::In, {"true"}});
        selectors[i].push_back(std::move(s));
      }
    }
  }
  std::vector<int> state(roles_.size(), 0);  // 0 new, 1 resolving, 2 done
  std::function<void(std::size_t)> resolve = [&](std::size_t i) {
    if (state[i] != 0) return;
    state[i] = 1;
    if (!selectors[i].empty()) {
      // Built-in roles keep their own rules; defined ones are overwritten.
      std::vector<PolicyRule> rules =
          roles_[i].object ? std::vector<PolicyRule>() : roles_[i].rules;
      for (std::size_t j = 0; j < roles_.size(); ++j) {
        if (j == i || !roles_[j].cluster) continue;
        bool match = false;
        for (const LabelSelector& s : selectors[i])
          match = match || (!s.selects_all() && s.matches(labels[j]));
        if (!match) continue;
        resolve(j);
        rules.insert(rules.end(), roles_[j].rules.begin(),
                     roles_[j].rules.end());
      }
      roles_[i].rules = std::move(rules);
      roles_[i].aggregated = true;
    }
    state[i] = 2;
  };
  for (std::size_t i = 0; i < roles_.size(); ++i) resolve(i);
  for (RoleInfo& role : roles_) {
    for (PolicyRule& rule : role.rules) {
      for (std::string_view verb : {"get", "list", "watch"}) {
        Request r;
        r.verb = std::string(verb);
        r.resource = "secrets";
        // A rule limited to names still reads those secrets.
        if (!rule.resource_names.empty())
          r.name = std::string(rule.resource_names[0]);
        rule.reads_secrets = rule.reads_secrets || rule_allows(rule, r);
      }
    }
  }

  for (const Object& o : model.objects) {
    if (o.group != "rbac.authorization.k8s.io") continue;
    if (o.id.kind != "RoleBinding" && o.id.kind != "ClusterRoleBinding")
      continue;
    BindingInfo b;
    b.object = &o;
    b.cluster = o.id.kind == "ClusterRoleBinding";
    b.ns = b.cluster ? "" : o.id.ns;
    b.role_kind = std::string(o.root["roleRef"]["kind"].str());
    b.role_name = std::string(o.root["roleRef"]["name"].str());
    NodeRef subjects = o.root["subjects"];
    for (std::uint32_t i = 0; i < subjects.size(); ++i) {
      NodeRef s = subjects.at(i);
      SubjectRef ref{std::string(s["kind"].str()), std::string(s["name"].str()),
                     std::string(s["namespace"].str()), s};
      // The authorizer defaults a service account's namespace to the
      // binding's.
      if (ref.kind == "ServiceAccount" && ref.ns.empty()) ref.ns = b.ns;
      b.subjects.push_back(std::move(ref));
    }
    std::size_t index = bindings_.size();
    std::set<std::string> keys;
    for (const SubjectRef& s : b.subjects) {
      keys.insert(s.kind == "ServiceAccount"
                      ? fmt::format("ServiceAccount:{}:{}", s.ns, s.name)
                      : fmt::format("{}:{}", s.kind, s.name));
    }
    for (const std::string& k : keys) by_subject_[k].push_back(index);
    bindings_.push_back(std::move(b));
  }
}

const RoleInfo* Rbac::find_role(bool cluster, std::string_view ns,
                                std::string_view name) const {
  auto it = role_index_.find(role_key(cluster, ns, name));
  return it == role_index_.end() ? nullptr : &roles_[it->second];
}

const RoleInfo* Rbac::role_of(const BindingInfo& binding) const {
  if (binding.role_kind == "ClusterRole")
    return find_role(true, "", binding.role_name);
  // A Role is looked up in the binding's namespace; a ClusterRoleBinding has
  // none, so a ClusterRoleBinding to a Role grants nothing.
  if (binding.role_kind == "Role" && !binding.cluster)
    return find_role(false, binding.ns, binding.role_name);
  return nullptr;
}

std::vector<const BindingInfo*> Rbac::bindings_for(const UserInfo& user) const {
  std::vector<std::size_t> found;
  auto take = [&](const std::string& key) {
    auto it = by_subject_.find(key);
    if (it != by_subject_.end())
      found.insert(found.end(), it->second.begin(), it->second.end());
  };
  take("User:" + user.name);
  for (const std::string& g : user.groups) take("Group:" + g);
  std::string_view name = user.name;
  if (name.starts_with(kSaPrefix)) {
    std::string_view rest = name.substr(kSaPrefix.size());
    std::size_t colon = rest.find(':');
    if (colon != std::string_view::npos)
      take(fmt::format("ServiceAccount:{}:{}", rest.substr(0, colon),
                       rest.substr(colon + 1)));
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  std::vector<const BindingInfo*> out;
  for (std::size_t i : found) out.push_back(&bindings_[i]);
  return out;
}

void Rbac::add_grants(const BindingInfo& binding,
                      std::vector<Grant>* out) const {
  const RoleInfo* role = role_of(binding);
  if (!role) return;
  for (const PolicyRule& r : role->rules) out->push_back({&binding, role, &r});
}

std::vector<Grant> Rbac::rules_for(const UserInfo& user,
                                   std::string_view ns) const {
  std::vector<Grant> out;
  for (const BindingInfo* b : bindings_for(user)) {
    if (b->cluster || (!ns.empty() && b->ns == ns)) add_grants(*b, &out);
  }
  return out;
}

std::vector<Grant> Rbac::all_rules_for(const UserInfo& user) const {
  std::vector<Grant> out;
  for (const BindingInfo* b : bindings_for(user)) add_grants(*b, &out);
  return out;
}

bool Rbac::allowed(const UserInfo& user, const Request& request,
                   Grant* why) const {
  // Non-resource URLs are cluster-wide: only ClusterRoleBindings grant them.
  std::string_view ns =
      request.non_resource ? std::string_view() : std::string_view(request.ns);
  for (const Grant& g : rules_for(user, ns)) {
    if (request.non_resource && !g.role->cluster) continue;
    if (rule_allows(*g.rule, request)) {
      if (why) *why = g;
      return true;
    }
  }
  return false;
}

std::vector<ScopedGrant> secret_read_grants(std::span<const Grant> grants) {
  std::vector<ScopedGrant> out;
  for (const Grant& g : grants) {
    if (g.rule->reads_secrets)
      out.push_back({g, g.binding->cluster, g.binding->ns});
  }
  return out;
}

std::vector<ScopedGrant> secret_read_grants(const Rbac& rbac,
                                            const UserInfo& user) {
  return secret_read_grants(rbac.all_rules_for(user));
}

}  // namespace launchlint
