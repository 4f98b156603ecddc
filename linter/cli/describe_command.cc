#include <algorithm>
#include <iostream>
#include <memory>

#include <fmt/format.h>
#include <rapidjson/prettywriter.h>
#include "linter/output/json_stream.h"

#include "linter/analysis/namespace_model.h"
#include "linter/analysis/network_policy.h"
#include "linter/analysis/pod_selections.h"
#include "linter/analysis/quota.h"
#include "linter/analysis/rbac.h"
#include "linter/cli/commands.h"
#include "linter/cli/query_inputs.h"
#include "linter/model/quantity.h"

namespace launchlint {

namespace {

struct DescribeFlags {
  std::string workload;
  std::vector<std::string> paths;
  std::string format = "text";
};

struct Section {
  std::string title;
  std::vector<std::string> lines;
};

std::string object_at(const Object& o) {
  return fmt::format("{} ({}:{})", o.id.display(), o.file(), o.location().line);
}

std::string number(double v) { return fmt::format("{:g}", v); }

std::string describe_peer(const NetworkPeer& p, std::string_view own_ns) {
  if (p.ip_block) {
    return p.except.empty() ? fmt::format("ipBlock {}", p.cidr)
                            : fmt::format("ipBlock {} except {}", p.cidr,
                                          fmt::join(p.except, ","));
  }
  std::string ns = !p.has_namespaces ? fmt::format("namespace {}", own_ns)
                   : p.namespaces.selects_all()
                       ? std::string("every namespace")
                       : fmt::format("namespaces {}", p.namespaces.describe());
  std::string pods = !p.has_pods || p.pods.selects_all()
                         ? std::string("all pods")
                         : fmt::format("pods {}", p.pods.describe());
  return fmt::format("{} of {}", pods, ns);
}

std::string describe_ports(const NetworkRule& r) {
  if (r.all_ports) return "every port";
  std::vector<std::string> out;
  for (const NetworkPort& p : r.ports) {
    if (p.all) {
      out.push_back(fmt::format("every {} port", p.protocol));
    } else if (!p.name.empty()) {
      out.push_back(fmt::format("{}/{}", p.name, p.protocol));
    } else if (p.end_port > 0) {
      out.push_back(fmt::format("{}-{}/{}", p.port, p.end_port, p.protocol));
    } else {
      out.push_back(fmt::format("{}/{}", p.port, p.protocol));
    }
  }
  return fmt::format("{}", fmt::join(out, ", "));
}

void traffic(const NamespaceModel& model, std::uint32_t pod, bool ingress,
             Section* s) {
  const NetworkPolicyIndex& index = model.network_policies();
  const auto& isolating =
      ingress ? index.ingress_of(pod) : index.egress_of(pod);
  std::string_view ns = model.pods()[pod].ns();
  if (isolating.empty()) {
    s->lines.push_back(fmt::format(
        "not isolated: no NetworkPolicy selects these pods for {}; {} is "
        "allowed {} everywhere on every port",
        ingress ? "ingress" : "egress", ingress ? "ingress" : "egress",
        ingress ? "from" : "to"));
    return;
  }
  for (std::uint32_t i : isolating) {
    const NetworkPolicy& p = index.policies()[i];
    const auto& rules = ingress ? p.ingress_rules : p.egress_rules;
    if (rules.empty())
      s->lines.push_back(fmt::format("{}: denies all {}", object_at(*p.object),
                                     ingress ? "ingress" : "egress"));
    for (const NetworkRule& r : rules) {
      std::vector<std::string> peers;
      for (const NetworkPeer& q : r.peers)
        peers.push_back(describe_peer(q, ns));
      s->lines.push_back(fmt::format(
          "{} {} on {} (NetworkPolicy {}, line {})", ingress ? "from" : "to",
          r.all_peers ? std::string("everywhere")
                      : fmt::format("{}", fmt::join(peers, " or ")),
          describe_ports(r), p.object->id.name, r.node.line()));
    }
  }
}

std::vector<Section> describe(const LintRun& run, const Object& o) {
  const NamespaceModel& model = *run.namespaces;
  const NamespaceInfo* ns = model.find(o.id.ns);
  auto pods = model.pods_of(o);
  std::vector<Section> out;

  Section w{"Workload", {}};
  w.lines.push_back(object_at(o));
  w.lines.push_back(fmt::format("replicas: {}", o.replicas()));
  if (ns && ns->declared())
    w.lines.push_back(fmt::format("namespace defined at {}:{}",
                                  ns->object->file(),
                                  ns->object->location().line));
  out.push_back(std::move(w));

  // Identity and permissions, per distinct service account.
  Section sa{"Service account", {}};
  Section perms{"Permissions", {}};
  Section secrets{"Secrets it can read", {}};
  std::vector<std::string> seen;
  for (std::uint32_t p : pods) {
    const PodRef& ref = model.pods()[p];
    if (std::find(seen.begin(), seen.end(), ref.service_account) != seen.end())
      continue;
    seen.push_back(ref.service_account);
    const Object* defined =
        model.find_object(o.id.ns, "ServiceAccount", ref.service_account);
    sa.lines.push_back(fmt::format(
        "{}{}: {}", ref.service_account,
        ref.service_account_node.valid() ? "" : " (none set: default)",
        defined ? fmt::format("defined at {}:{}", defined->file(),
                              defined->location().line)
                : std::string("not defined in the input")));
    UserInfo user = service_account_user(o.id.ns, ref.service_account);
    for (const Grant& g : model.rbac().all_rules_for(user)) {
      const PolicyRule& r = *g.rule;
      std::string what =
          r.non_resource_urls.empty()
              ? fmt::format("[{}] {}{}{}", fmt::join(r.verbs, " "),
                            fmt::join(r.resources, ","),
                            r.api_groups.empty() || (r.api_groups.size() == 1 &&
                                                     r.api_groups[0].empty())
                                ? std::string()
                                : fmt::format(" (apiGroups {})",
                                              fmt::join(r.api_groups, ",")),
                            r.resource_names.empty()
                                ? std::string()
                                : fmt::format(" named {}",
                                              fmt::join(r.resource_names, ",")))
              : fmt::format("[{}] URLs {}", fmt::join(r.verbs, " "),
                            fmt::join(r.non_resource_urls, ","));
      perms.lines.push_back(fmt::format(
          "{} {} via {} -> {} ({})", what,
          g.binding->cluster ? "in every namespace"
                             : fmt::format("in namespace {}", g.binding->ns),
          g.binding->display(), g.role->display(), where(r.node)));
    }
    for (const ScopedGrant& s : secret_read_grants(model.rbac(), user)) {
      std::string scope = s.everywhere ? std::string("EVERY namespace")
                          : s.ns == o.id.ns
                              ? fmt::format("its own namespace {}", s.ns)
                              : fmt::format("OUTSIDE its namespace: {}", s.ns);
      secrets.lines.push_back(fmt::format("{} via {} -> {}", scope,
                                          s.grant.binding->display(),
                                          s.grant.role->display()));
    }
  }
  if (perms.lines.empty()) perms.lines.push_back("none granted in the input");
  if (secrets.lines.empty()) secrets.lines.push_back("none");
  out.push_back(std::move(sa));
  out.push_back(std::move(perms));
  out.push_back(std::move(secrets));

  Section in{"Ingress (who can reach it)", {}};
  Section eg{"Egress", {}};
  Section res{"Resources", {}};
  Section place{"Placement", {}};
  Section probes{"Probes", {}};
  for (std::uint32_t p : pods) {
    const PodRef& ref = model.pods()[p];
    const PodTemplate& t = *ref.pod;
    std::string prefix = t.role.empty() ? "" : fmt::format("[{}] ", t.role);
    Section tmp_in, tmp_eg;
    traffic(model, p, true, &tmp_in);
    traffic(model, p, false, &tmp_eg);
    for (auto& l : tmp_in.lines) in.lines.push_back(prefix + l);
    for (auto& l : tmp_eg.lines) eg.lines.push_back(prefix + l);
    for (const Container& c : t.containers) {
      NodeRef r = c.resources();
      auto list = [](NodeRef m) {
        std::vector<std::string> parts;
        for (std::uint32_t i = 0; i < m.size(); ++i)
          parts.push_back(
              fmt::format("{}={}", m.key_at(i).str(), m.at(i).str()));
        return parts.empty() ? std::string("none")
                             : fmt::format("{}", fmt::join(parts, " "));
      };
      res.lines.push_back(fmt::format("{}{}: requests {}; limits {}", prefix,
                                      t.describe(c), list(r["requests"]),
                                      list(r["limits"])));
      auto probe = [&](std::string_view key) {
        NodeRef n = c.node[key];
        if (!n.is_map()) return std::string("none");
        for (std::string_view kind : {"httpGet", "tcpSocket", "grpc", "exec"}) {
          if (n[kind].valid()) return std::string(kind);
        }
        return std::string("set");
      };
      if (c.long_running())
        probes.lines.push_back(
            fmt::format("{}{}: readiness {}, liveness {}, startup {}", prefix,
                        t.describe(c), probe("readinessProbe"),
                        probe("livenessProbe"), probe("startupProbe")));
    }
    for (const std::string& gpu : pod_accelerator_names(t)) {
      double per_pod = pod_request(t, gpu);
      long long count = template_pod_count(o, t);
      res.lines.push_back(fmt::format("{}GPUs: {} {} per pod x {} pods = {}",
                                      prefix, number(per_pod), gpu, count,
                                      number(per_pod * count)));
    }
    NodeRef selector = t.spec["nodeSelector"];
    for (std::uint32_t i = 0; i < selector.size(); ++i)
      place.lines.push_back(fmt::format("{}nodeSelector {}={}", prefix,
                                        selector.key_at(i).str(),
                                        selector.at(i).str()));
    NodeRef affinity = t.spec["affinity"];
    for (std::uint32_t i = 0; i < affinity.size(); ++i)
      place.lines.push_back(fmt::format("{}affinity: {} (line {})", prefix,
                                        affinity.key_at(i).str(),
                                        affinity.at(i).line()));
    NodeRef tolerations = t.spec["tolerations"];
    for (std::uint32_t i = 0; i < tolerations.size(); ++i) {
      NodeRef tol = tolerations.at(i);
      place.lines.push_back(fmt::format(
          "{}toleration {}{}{}{}", prefix,
          tol["key"].str().empty() ? "(every key)" : tol["key"].str(),
          tol["operator"].str() == "Exists" ? " exists" : "=",
          tol["value"].str(),
          tol["effect"].str().empty()
              ? std::string()
              : fmt::format(" :{}", tol["effect"].str())));
    }
    for (std::string_view key :
         {"priorityClassName", "runtimeClassName", "schedulerName"}) {
      if (t.spec[key].is_scalar())
        place.lines.push_back(
            fmt::format("{}{}: {}", prefix, key, t.spec[key].str()));
    }
  }
  if (place.lines.empty()) place.lines.push_back("no constraints: any node");
  out.push_back(std::move(in));
  out.push_back(std::move(eg));
  out.push_back(std::move(res));

  Section quotas{"Quotas and limit ranges", {}};
  if (ns) {
    for (const Object* q : ns->resource_quotas) {
      bool covers = false;
      for (std::uint32_t p : pods)
        covers = covers || quota_covers(*q, *model.pods()[p].pod);
      if (!covers) continue;
      NodeRef hard = q->spec()["hard"];
      for (std::uint32_t i = 0; i < hard.size(); ++i) {
        std::string_view key = hard.key_at(i).str();
        double cap = 0, used = 0;
        bool counted = namespace_usage(model, *ns, *q, key, &used);
        if (!parse_quantity(hard.at(i), &cap) || !counted) {
          quotas.lines.push_back(fmt::format(
              "ResourceQuota {}: {} = {}", q->id.name, key, hard.at(i).str()));
          continue;
        }
        quotas.lines.push_back(fmt::format(
            "ResourceQuota {}: {} hard {}, used by the input's pods {}, "
            "headroom {}",
            q->id.name, key, hard.at(i).str(), number(used),
            number(cap - used)));
      }
    }
    for (const Object* l : ns->limit_ranges)
      quotas.lines.push_back(fmt::format("LimitRange {}", object_at(*l)));
  }
  if (quotas.lines.empty())
    quotas.lines.push_back("none in the input cover its namespace");
  out.push_back(std::move(quotas));
  out.push_back(std::move(place));
  out.push_back(std::move(probes));

  Section rollout{"Rollout", {}};
  NodeRef spec = o.spec();
  NodeRef strategy = spec["strategy"].valid()         ? spec["strategy"]
                     : spec["updateStrategy"].valid() ? spec["updateStrategy"]
                                                      : spec["rolloutStrategy"];
  std::string_view type = strategy["type"].str();
  rollout.lines.push_back(strategy.valid()
                              ? fmt::format("strategy {} (line {})",
                                            type.empty() ? "(default)" : type,
                                            strategy.line())
                              : std::string("strategy: the kind's default"));
  for (std::uint32_t p : pods) {
    const PodTemplate& t = *model.pods()[p].pod;
    long long surge = 0;
    NodeRef surge_node;
    long long peak = rollout_peak_pods(o, t, &surge, &surge_node);
    rollout.lines.push_back(fmt::format(
        "{}{} pods at most during a rollout (surge {})",
        t.role.empty() ? "" : fmt::format("[{}] ", t.role), peak, surge));
  }
  out.push_back(std::move(rollout));

  Section selected{"Selected by", {}};
  Section monitors{"Monitors that scrape it", {}};
  // Every object selecting one of its pods, once, in input order.
  const PodSelections& selections = model.selections();
  std::vector<const Object*> selectors;
  for (std::uint32_t p : pods) {
    for (const Object* s : selections.selecting(p)) selectors.push_back(s);
  }
  std::sort(selectors.begin(), selectors.end());
  selectors.erase(std::unique(selectors.begin(), selectors.end()),
                  selectors.end());
  for (const Object* s : selectors) {
    bool pod_monitor = false;
    if (!is_monitor(*s, &pod_monitor)) {
      selected.lines.push_back(object_at(*s));
      continue;
    }
    if (pod_monitor) {
      monitors.lines.push_back(object_at(*s));
      continue;
    }
    // A ServiceMonitor: name the first of its Services in front of the pods.
    for (const Object* service : selections.services_of(*s)) {
      std::span<const std::uint32_t> behind = selections.pods_of(*service);
      bool fronts = std::any_of(pods.begin(), pods.end(), [&](std::uint32_t p) {
        return std::find(behind.begin(), behind.end(), p) != behind.end();
      });
      if (!fronts) continue;
      monitors.lines.push_back(fmt::format("{} through Service {}",
                                           object_at(*s), service->id.name));
      break;
    }
  }
  if (const Object* hpa = selections.autoscaler_of(o))
    selected.lines.push_back(object_at(*hpa));
  if (monitors.lines.empty()) monitors.lines.push_back("none");
  if (selected.lines.empty()) selected.lines.push_back("nothing");
  out.push_back(std::move(monitors));
  out.push_back(std::move(selected));
  return out;
}

void write_json(const std::vector<Section>& sections, const Object& o) {
  JsonBuffer buffer;
  rapidjson::PrettyWriter<JsonBuffer> w(buffer);
  auto str = [&](std::string_view s) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  };
  w.StartObject();
  w.Key("kind");
  str(o.id.kind);
  w.Key("namespace");
  str(o.id.ns);
  w.Key("name");
  str(o.id.name);
  w.Key("file");
  str(o.file());
  w.Key("line");
  w.Uint(o.location().line);
  w.Key("sections");
  w.StartArray();
  for (const Section& s : sections) {
    w.StartObject();
    w.Key("title");
    str(s.title);
    w.Key("lines");
    w.StartArray();
    for (const std::string& l : s.lines) str(l);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  drain(buffer, std::cout, true);
  std::cout << '\n';
}

int run_describe(const DescribeFlags& flags) {
  LintRun run;
  if (!load_for_query(flags.paths, &run)) return kUsage;
  std::string error;
  const Object* o = find_workload(run, flags.workload, &error);
  if (!o) {
    std::cerr << fmt::format("launchlint describe: {}\n", error);
    return kUsage;
  }
  if (run.namespaces->pods_of(*o).empty()) {
    std::cerr << fmt::format("launchlint describe: {} runs no pods\n",
                             o->id.display());
    return kUsage;
  }
  std::vector<Section> sections = describe(run, *o);
  if (flags.format == "json") {
    write_json(sections, *o);
  } else {
    for (const Section& s : sections) {
      std::cout << s.title << ":\n";
      for (const std::string& l : s.lines) std::cout << "  " << l << '\n';
    }
  }
  return kClean;
}

}  // namespace

CommandRunner add_describe_command(CLI::App& app) {
  auto flags = std::make_shared<DescribeFlags>();
  CLI::App* cmd = app.add_subcommand(
      "describe",
      "The launch review's answers for one workload: identity and "
      "permissions, reachability, resources, quotas, placement, probes, "
      "rollout, monitors and what selects it");
  cmd->add_option("workload", flags->workload, "NS/KIND/NAME")->required();
  cmd->add_option("paths", flags->paths, "Files or folders; default .");
  cmd->add_option("--format", flags->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  return [flags] { return run_describe(*flags); };
}

}  // namespace launchlint
