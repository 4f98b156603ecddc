#pragma once

#include <chrono>
#include <ostream>
#include <string_view>

namespace launchlint {

// Wall and CPU time (all threads) of the phases of a run, printed to stderr
// at the end when the environment sets LAUNCHLINT_TIMING, as ESLint's TIMING
// does: to see what a large input spends its time on. Costs nothing when
// unset.
class PhaseTimer {
 public:
  explicit PhaseTimer(std::string_view phase);
  ~PhaseTimer();
  PhaseTimer(const PhaseTimer&) = delete;
  PhaseTimer& operator=(const PhaseTimer&) = delete;

 private:
  std::string_view phase_;
  bool on_;
  std::chrono::steady_clock::time_point wall_;
  double cpu_ = 0;
};

bool timing_enabled();
// CPU seconds of the calling thread, for timing work inside a phase.
double thread_cpu_seconds();
// Adds CPU time spent in one rule; the slowest rules are printed too.
void add_rule_time(std::string_view rule, double cpu);
// The recorded phases, in the order they ended, each with the resident set
// at its end, then the run's peak RSS.
void print_timings(std::ostream& out);

}  // namespace launchlint
