#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "linter/cli/commands.h"

namespace launchlint {

namespace {

// The starter config. tests/custom_rules_cli.sh checks that it loads and runs.
constexpr std::string_view kStarter =
    R"(# launchlint configuration: https://github.com/launchlint/launchlint#config-file
# launchlint finds this file in the current folder or its parents; the
# editor's language server reads it too. `launchlint rules` lists rule ids.

# Target Kubernetes version for the removed/deprecated API rules.
kubernetesVersion: "1.33"

# Rules on/off and severity overrides, by rule id, rule name or area
# (security, scheduling, rollout, observability, cost, general).
rules:
  seccomp-profile-unset: warning
  # namespace-without-limit-range: off
  # cost: info

# Default owners for workloads whose annotations (and namespace's) name none:
# launchlint.io/rollback-owner, launchlint.io/slo-owner, launchlint.io/owner.
owners:
  rollback: team-platform
  slo: team-platform-sre
  # owner: team-platform

# Accepted exceptions: a rule's findings on matching objects are suppressed
# (and shown as accepted in the review) until they expire. One that matches
# nothing is reported as stale, so the example stays commented out.
exceptions: []
# - rule: privileged-container          # id or name
#   match: {kind: DaemonSet, namespace: gpu-operator, name: "nvidia-*"}
#   reason: the driver installer manages the host
#   owner: team-platform
#   expires: "2027-03-31"

# How long an approval holds when no exception expires sooner.
reviewInterval: 90d

# Hourly prices for the cost estimate in `launchlint review`.
prices:
  currency: USD
  gpu:
    NVIDIA-A100-SXM4-80GB: 3.67    # by the nodes' GPU product label
    nvidia-l4: 0.80
    default: 2.50
  cpuCore: 0.04
  memoryGiB: 0.005

# Your own rules, run like the built-in ones (README: Custom rules).
customRules:
- id: ORG001
  name: model-server-team-label
  area: general
  severity: warning
  summary: Every model server names its owning team in a team label.
  match:
    modelServers: true
  check:
    path: metadata.labels.team
    exists: true
    matches: '^[a-z][a-z0-9-]*$'
  message: '{kind} {name} needs a lower-case team label, not "{value}"'
)";

}  // namespace

CommandRunner add_init_command(CLI::App& app) {
  auto folder = std::make_shared<std::string>(".");
  CLI::App* cmd = app.add_subcommand(
      "init", "Write a commented starter .launchlint.yaml (never overwrites)");
  cmd->add_option("folder", *folder, "Where to write it")
      ->capture_default_str();
  return [folder] {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(*folder, ec)) {
      std::cerr << fmt::format("launchlint: error: {} is not a folder\n",
                               *folder);
      return static_cast<int>(kUsage);
    }
    for (const char* name : {".launchlint.yaml", ".launchlint.yml"}) {
      fs::path existing = fs::path(*folder) / name;
      if (fs::exists(fs::symlink_status(existing, ec))) {  // symlinks too
        std::cerr << fmt::format(
            "launchlint: error: {} already exists; launchlint init does not "
            "overwrite it\n",
            existing.string());
        return static_cast<int>(kUsage);
      }
    }
    // "x": create it, never open an existing file (or a dangling symlink)
    // that appeared since the check above.
    fs::path path = fs::path(*folder) / ".launchlint.yaml";
    std::FILE* out = std::fopen(path.c_str(), "wx");
    bool written = out != nullptr &&
                   std::fwrite(kStarter.data(), 1, kStarter.size(), out) ==
                       kStarter.size();
    if (out != nullptr && std::fclose(out) != 0) written = false;
    if (!written) {
      std::cerr << fmt::format("launchlint: error: cannot write {}: {}\n",
                               path.string(), std::strerror(errno));
      return static_cast<int>(kUsage);
    }
    std::cout << fmt::format("wrote {}\n", path.string());
    return static_cast<int>(kClean);
  };
}

}  // namespace launchlint
