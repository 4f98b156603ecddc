#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "linter/analysis/namespace_model.h"
#include "linter/analysis/rbac.h"
#include "linter/cli/commands.h"
#include "linter/cli/query_inputs.h"

namespace launchlint {

namespace {

struct CanIFlags {
  std::vector<std::string> args;  // VERB RESOURCE PATH... (PATH... with --list)
  std::string subresource;
  std::string ns;
  std::string as;
  std::vector<std::string> as_groups;
  std::string workload;
  bool list = false;
  bool why = false;
};

std::string join(const std::vector<std::string_view>& items) {
  return fmt::format("[{}]", fmt::join(items, " "));
}

std::string resources_column(const PolicyRule& r) {
  std::vector<std::string> out;
  for (std::string_view res : r.resources) {
    for (std::string_view g : r.api_groups)
      out.push_back(g.empty() ? std::string(res)
                              : fmt::format("{}.{}", res, g));
    if (r.api_groups.empty()) out.emplace_back(res);
  }
  return fmt::format("{}", fmt::join(out, ","));
}

std::string grant_source(const Grant& g) {
  return fmt::format("{} ({}) -> {} ({})", g.binding->display(),
                     where(g.binding->object->root), g.role->display(),
                     where(g.rule->node));
}

int run_can_i(const CanIFlags& flags) {
  if (flags.as.empty() == flags.workload.empty()) {
    std::cerr << "launchlint can-i: give exactly one of --as or --workload\n";
    return kUsage;
  }
  if (!flags.as_groups.empty() && flags.as.empty()) {
    std::cerr << "launchlint can-i: --as-group needs --as\n";
    return kUsage;
  }
  std::vector<std::string> paths = flags.args;
  Request request;
  if (!flags.list) {
    if (flags.args.size() < 2) {
      std::cerr << "launchlint can-i: expected VERB RESOURCE[/NAME]|URL "
                   "(or --list)\n";
      return kUsage;
    }
    request.verb = flags.args[0];
    std::string error;
    if (!parse_resource_arg(flags.args[1], &request, &error)) {
      std::cerr << fmt::format("launchlint can-i: {}\n", error);
      return kUsage;
    }
    if (request.non_resource && !flags.subresource.empty()) {
      std::cerr << "launchlint can-i: --subresource needs a resource, not a "
                   "URL\n";
      return kUsage;
    }
    request.subresource = flags.subresource;
    request.ns = flags.ns;
    if (!request.non_resource && builtin_cluster_scoped(request.resource))
      request.ns.clear();  // kubectl ignores -n for cluster-scoped resources
    paths.erase(paths.begin(), paths.begin() + 2);
  }
  LintRun run;
  if (!load_for_query(paths, &run)) return kUsage;

  UserInfo user;
  if (!flags.workload.empty()) {
    std::string error;
    const Object* o = find_workload(run, flags.workload, &error);
    if (!o) {
      std::cerr << fmt::format("launchlint can-i: {}\n", error);
      return kUsage;
    }
    auto pods = run.namespaces->pods_of(*o);
    if (pods.empty()) {
      std::cerr << fmt::format("launchlint can-i: {} runs no pods\n",
                               o->id.display());
      return kUsage;
    }
    const PodRef& pod = run.namespaces->pods()[pods[0]];
    user = service_account_user(o->id.ns, pod.service_account);
  } else {
    user = impersonated_user(flags.as, flags.as_groups);
  }
  const Rbac& rbac = run.namespaces->rbac();

  if (flags.list) {
    std::vector<Grant> grants = rbac.rules_for(user, flags.ns);
    std::cout << fmt::format("{:<40} {:<20} {:<20} {:<30} {}\n", "Resources",
                             "Non-Resource URLs", "Resource Names", "Verbs",
                             "From");
    for (const Grant& g : grants) {
      std::cout << fmt::format(
          "{:<40} {:<20} {:<20} {:<30} {}\n", resources_column(*g.rule),
          join(g.rule->non_resource_urls), join(g.rule->resource_names),
          join(g.rule->verbs), grant_source(g));
    }
    return kClean;
  }
  Grant why;
  bool yes = rbac.allowed(user, request, &why);
  std::cout << (yes ? "yes\n" : "no\n");
  if (flags.why && yes) std::cout << fmt::format("  {}\n", grant_source(why));
  return yes ? kClean : kFindings;
}

}  // namespace

CommandRunner add_can_i_command(CLI::App& app) {
  auto flags = std::make_shared<CanIFlags>();
  CLI::App* cmd = app.add_subcommand(
      "can-i",
      "Whether a user or a workload's service account may do VERB on "
      "RESOURCE[/NAME] (or a URL), from the RBAC in the manifests: yes (exit "
      "0) or no (exit 1)");
  cmd->add_option("args", flags->args,
                  "VERB RESOURCE[/NAME]|URL, then files or folders (with "
                  "--list: files or folders only)");
  cmd->add_option("--subresource", flags->subresource,
                  "Subresource, e.g. log or scale");
  cmd->add_option("-n,--namespace", flags->ns,
                  "Namespace of the request; absent: cluster-wide");
  cmd->add_option("--as", flags->as,
                  "User to check, e.g. "
                  "system:serviceaccount:NS:NAME");
  cmd->add_option("--as-group", flags->as_groups,
                  "Group of the user "
                  "(repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--workload", flags->workload,
                  "NS/KIND/NAME: check the service account its pods run as");
  cmd->add_flag("--list", flags->list,
                "List every rule the subject holds and where it comes from");
  cmd->add_flag("--why", flags->why,
                "Also print the binding and rule that "
                "allow it");
  return [flags] { return run_can_i(*flags); };
}

}  // namespace launchlint
