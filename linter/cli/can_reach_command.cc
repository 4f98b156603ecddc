#include <charconv>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "linter/analysis/namespace_model.h"
#include "linter/analysis/network_policy.h"
#include "linter/cli/commands.h"
#include "linter/cli/query_inputs.h"

namespace launchlint {

namespace {

struct CanReachFlags {
  std::vector<std::string> paths;
  std::string to;
  std::string port;
  std::string from;
  std::string from_namespace;
  std::string from_labels;
  std::string from_ip;
};

int usage(const std::string& message) {
  std::cerr << fmt::format("launchlint can-reach: {}\n", message);
  return kUsage;
}

int run_can_reach(const CanReachFlags& flags) {
  int sources = !flags.from.empty() + !flags.from_namespace.empty() +
                !flags.from_ip.empty();
  if (sources != 1)
    return usage("give exactly one of --from, --from-namespace, --from-ip");
  if (!flags.from_labels.empty() && flags.from_namespace.empty())
    return usage("--from-labels needs --from-namespace");
  PortQuery port;
  if (!flags.port.empty()) {
    port.any = false;
    const char* end = flags.port.data() + flags.port.size();
    auto [ptr, ec] = std::from_chars(flags.port.data(), end, port.number);
    if (ec != std::errc() || ptr != end) {
      port.number = 0;
      port.name = flags.port;
    } else if (port.number < 1 || port.number > 65535) {
      return usage(fmt::format("--port {}: not a port number", flags.port));
    }
  }
  std::vector<Endpoint> from(1);
  if (!flags.from_ip.empty()) {
    if (!cidr_contains(
            flags.from_ip.find(':') == std::string::npos ? "0.0.0.0/0" : "::/0",
            flags.from_ip))
      return usage(
          fmt::format("--from-ip {}: not an IP address", flags.from_ip));
    from[0].kind = Endpoint::Kind::Ip;
    from[0].ip = flags.from_ip;
  } else if (!flags.from_namespace.empty()) {
    from[0].kind = Endpoint::Kind::Labels;
    from[0].ns = flags.from_namespace;
    LabelSelector labels;
    std::string error;
    if (!parse_selector_text(flags.from_labels, &labels, &error))
      return usage(error);
    for (const Requirement& r : labels.requirements) {
      if (r.op != SelectorOp::In) return usage("--from-labels takes k=v pairs");
      from[0].labels.set(r.key, r.values[0]);
    }
  }

  LintRun run;
  if (!load_for_query(flags.paths, &run)) return kUsage;
  const NamespaceModel& model = *run.namespaces;
  std::string error;
  const Object* to = find_workload(run, flags.to, &error);
  if (!to) return usage(error);
  auto to_pods = model.pods_of(*to);
  if (to_pods.empty()) return usage(fmt::format("{} runs no pods", flags.to));
  if (!flags.from.empty()) {
    const Object* o = find_workload(run, flags.from, &error);
    if (!o) return usage(error);
    auto pods = model.pods_of(*o);
    if (pods.empty()) return usage(fmt::format("{} runs no pods", flags.from));
    from.clear();
    for (std::uint32_t p : pods) {
      Endpoint e;
      e.kind = Endpoint::Kind::Pod;
      e.pod = p;
      e.ns = o->id.ns;
      e.labels = model.pods()[p].labels;
      from.push_back(std::move(e));
    }
  }

  const NetworkPolicyIndex& policies = model.network_policies();
  Reachability first;
  bool have_first = false;
  for (const Endpoint& source : from) {
    for (std::uint32_t dest : to_pods) {
      Reachability r = policies.can_reach(source, dest, port);
      const PodTemplate& t = *model.pods()[dest].pod;
      if (!t.role.empty() && to_pods.size() > 1)
        r.notes.insert(r.notes.begin(), fmt::format("to the {} pods", t.role));
      if (r.allowed) {
        std::cout << "yes\n";
        if (port.any && r.port > 0)
          r.notes.insert(r.notes.begin(),
                         fmt::format("port {} is open", r.port));
        for (const std::string& n : r.notes) std::cout << "  " << n << '\n';
        return kClean;
      }
      if (!have_first) {
        first = std::move(r);
        have_first = true;
      }
    }
  }
  std::cout << "no\n";
  for (const std::string& n : first.notes) std::cout << "  " << n << '\n';
  return kFindings;
}

}  // namespace

CommandRunner add_can_reach_command(CLI::App& app) {
  auto flags = std::make_shared<CanReachFlags>();
  CLI::App* cmd = app.add_subcommand(
      "can-reach",
      "Whether traffic may reach a workload under the NetworkPolicies of the "
      "manifests: yes (exit 0) or no (exit 1), with the deciding policies");
  cmd->add_option("paths", flags->paths, "Files or folders; default .");
  cmd->add_option("--to", flags->to, "NS/KIND/NAME of the destination")
      ->required();
  cmd->add_option("--port", flags->port,
                  "Destination port number or container port name; absent: "
                  "any port");
  cmd->add_option("--from", flags->from, "NS/KIND/NAME of the source workload");
  cmd->add_option("--from-namespace", flags->from_namespace,
                  "Source: a pod of this namespace");
  cmd->add_option("--from-labels", flags->from_labels,
                  "Labels of that pod: k=v,...");
  cmd->add_option("--from-ip", flags->from_ip,
                  "Source: an address outside the cluster");
  return [flags] { return run_can_reach(*flags); };
}

}  // namespace launchlint
