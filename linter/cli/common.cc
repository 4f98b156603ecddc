#include "linter/cli/common.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "linter/model/api_versions.h"

namespace launchlint {

void add_input_options(CLI::App* cmd, InputFlags* flags) {
  cmd->add_option("paths", flags->paths,
                  "Files or folders (.yaml, .yml, .json); - reads stdin; "
                  "default .");
  cmd->add_option("-c,--config", flags->config,
                  "Config file (default: .launchlint.yaml in the current "
                  "folder or its parents)");
  cmd->add_option("--default-namespace", flags->default_namespace,
                  "Namespace of namespaced objects that set none")
      ->capture_default_str();
  cmd->add_option("--today", flags->today,
                  "Evaluate exception expiry as of this date (YYYY-MM-DD)");
  cmd->add_option("--kube-version", flags->kube_version,
                  fmt::format("Target Kubernetes version for removed and "
                              "deprecated API versions (default: the config's "
                              "kubernetesVersion, else 1.{})",
                              kNewestKubeMinor));
  cmd->add_option("-o,--output", flags->output,
                  "Write the report to FILE instead of stdout");
  cmd->add_option("--color", flags->color, "Colored text output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  cmd->add_option("-j,--jobs", flags->jobs,
                  "Threads for parsing and rules (default: one per core); "
                  "the output is the same for any number")
      ->check(CLI::Range(1u, 256u));
}

bool load_config_flag(const std::string& flag, Config* config) {
  std::string path = flag;
  if (path.empty()) path = find_config(std::filesystem::current_path());
  if (path.empty()) return true;
  std::vector<ConfigError> errors;
  if (load_config(path, config, &errors)) return true;
  for (const ConfigError& e : errors) std::cerr << e.format() << '\n';
  std::cerr << fmt::format("launchlint: error: invalid config file {}\n", path);
  return false;
}

bool prepare_lint(const InputFlags& flags, Config* config,
                  LintOptions* options) {
  if (!load_config_flag(flags.config, config)) return false;
  options->settings.default_namespace = flags.default_namespace;
  options->jobs = flags.jobs;
  apply_config(*config, &options->settings);
  options->config = config;
  std::string version = flags.kube_version.empty() ? config->kubernetes_version
                                                   : flags.kube_version;
  if (!version.empty() &&
      !parse_kube_version(version, &options->settings.kube_minor)) {
    std::cerr << fmt::format(
        "launchlint: error: Kubernetes version {}: expected a version such "
        "as 1.{}\n",
        version, kNewestKubeMinor);
    return false;
  }
  options->render.kube_version = version;  // helm template's too
  if (!flags.today.empty()) {
    std::optional<long> day = parse_date(flags.today);
    if (!day) {
      std::cerr << fmt::format(
          "launchlint: error: --today {} is not a date (YYYY-MM-DD)\n",
          flags.today);
      return false;
    }
    options->today = *day;
  }
  return true;
}

void print_input_errors(const LintRun& run) {
  for (const InputError& e : run.errors)
    std::cerr << fmt::format("launchlint: error: {}: {}\n", e.path, e.message);
}

Output::Output(const std::string& path) {
  if (path.empty()) {
    stream_ = &std::cout;
    return;
  }
  to_file_ = true;
  file_.open(path, std::ios::binary | std::ios::trunc);
  if (!file_) {
    std::cerr << fmt::format("launchlint: error: cannot write {}\n", path);
    return;
  }
  stream_ = &file_;
}

bool Output::finish() {
  stream_->flush();
  if (!*stream_) {
    std::cerr << "launchlint: error: writing the report failed\n";
    return false;
  }
  return true;
}

bool Output::color(const std::string& mode) const {
  return mode == "always" ||
         (mode == "auto" && !to_file_ && ::isatty(STDOUT_FILENO) &&
          std::getenv("NO_COLOR") == nullptr);
}

}  // namespace launchlint
