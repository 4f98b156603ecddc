// Times what the namespace model adds: loading (parse + object model), then
// building the namespace model and answering queries on it, for one file.
// Prints figures; bench/namespace_model.sh runs it on the benchmark inputs.
#include <chrono>
#include <cstdio>

#include "linter/analysis/namespace_model.h"
#include "linter/analysis/network_policy.h"
#include "linter/analysis/rbac.h"
#include "linter/lint/lint.h"

namespace {

double since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
      .count();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace launchlint;
  if (argc != 2) {
    std::fprintf(stderr, "usage: namespace_model_bench FILE\n");
    return 2;
  }
  auto start = std::chrono::steady_clock::now();
  LintOptions options;
  options.run_rules = false;
  LintRun run = lint_paths({argv[1]}, options);
  double load = since(start);

  start = std::chrono::steady_clock::now();
  NamespaceModel model(run.model);
  double build = since(start);

  // Queries: every workload's service account against "list secrets in
  // every namespace", and reachability of every pod template from outside.
  start = std::chrono::steady_clock::now();
  Request request;
  request.verb = "list";
  request.resource = "secrets";
  std::size_t allowed = 0;
  for (const PodRef& pod : model.pods()) {
    allowed += model.rbac().allowed(
        service_account_user(pod.ns(), pod.service_account), request);
  }
  double can_i = since(start);
  start = std::chrono::steady_clock::now();
  Endpoint from;
  from.kind = Endpoint::Kind::Ip;
  from.ip = "203.0.113.7";
  std::size_t reachable = 0;
  for (std::uint32_t p = 0; p < model.pods().size(); ++p)
    reachable +=
        model.network_policies().can_reach(from, p, PortQuery{}).allowed;
  double can_reach = since(start);
  std::size_t n = model.pods().size();
  std::printf(
      "objects %zu pod templates %zu namespaces %zu\n"
      "load (parse + object model) %.3f s\n"
      "namespace model build %.3f s (%.1f%% of load)\n"
      "can-i: %zu queries in %.3f s (%.1f us each; %zu allowed)\n"
      "can-reach: %zu queries in %.3f s (%.1f us each; %zu reachable)\n",
      run.model.objects.size(), n, model.namespaces().size(), load, build,
      100.0 * build / load, n, can_i, n ? 1e6 * can_i / n : 0.0, allowed, n,
      can_reach, n ? 1e6 * can_reach / n : 0.0, reachable);
  return 0;
}
