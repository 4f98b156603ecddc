#pragma once

#include <fstream>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "linter/config/config.h"
#include "linter/lint/lint.h"

namespace launchlint {

// Options every command that lints takes.
struct InputFlags {
  std::vector<std::string> paths;
  std::string config;  // --config; empty: .launchlint.yaml found upward
  std::string default_namespace = "default";
  std::string today;  // --today YYYY-MM-DD, for reproducible expiry checks
  std::string kube_version;  // --kube-version; else the config's, else newest
  std::string output;
  std::string color = "auto";
  unsigned jobs = 0;  // --jobs; 0: one per core
};

void add_input_options(CLI::App* cmd, InputFlags* flags);

// Loads `path`, or the .launchlint.yaml found from the current folder when it
// is empty (none found: an empty config). Errors go to stderr at file:line;
// false means exit code 2.
bool load_config_flag(const std::string& path, Config* config);

// Loads the config (reporting errors at file:line on stderr) and fills the
// lint options. False means exit code 2.
bool prepare_lint(const InputFlags& flags, Config* config,
                  LintOptions* options);

// Prints unreadable inputs on stderr.
void print_input_errors(const LintRun& run);

// stdout, or the --output file; null (after a message) when it cannot open.
class Output {
 public:
  explicit Output(const std::string& path);
  std::ostream* stream() { return stream_; }
  // Flushes; false (after a message) when writing failed.
  bool finish();
  bool color(const std::string& mode) const;

 private:
  std::ofstream file_;
  std::ostream* stream_ = nullptr;
  bool to_file_ = false;
};

}  // namespace launchlint
