#pragma once

#include <string>
#include <vector>

namespace launchlint {

struct ToolResult {
  bool started = false;    // false: the program could not be run (see error)
  bool timed_out = false;  // killed after the timeout
  int exit_code = -1;      // exit status; -1 when killed by a signal
  std::string out;         // standard output
  std::string err;         // standard error
  std::string error;       // why it could not start
};

// Runs `argv[0]` (looked up on PATH when it has no '/') with the argument
// vector as given: no shell. Standard input is /dev/null. The process is
// killed when it runs longer than `timeout_seconds`.
ToolResult run_tool(const std::vector<std::string>& argv, int timeout_seconds);

// The program `name` resolves to on PATH (or `name` itself when it holds a
// '/' and is executable); empty when there is none.
std::string find_program(const std::string& name);

}  // namespace launchlint
