#include "linter/util/timing.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace launchlint {

namespace {

struct Phase {
  std::string name;
  double wall = 0, cpu = 0;
  double rss_mib = 0;  // resident set when the phase ended
};

std::mutex& phases_mutex() {
  static std::mutex mutex;
  return mutex;
}

std::vector<Phase>& phases() {
  static std::vector<Phase> recorded;
  return recorded;
}

std::map<std::string, double, std::less<>>& rule_times() {
  static std::map<std::string, double, std::less<>> times;
  return times;
}

double process_cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// The resident set now, from /proc/self/statm (0 where there is none).
double current_rss_mib() {
  std::FILE* statm = std::fopen("/proc/self/statm", "r");
  if (!statm) return 0;
  unsigned long size = 0, resident = 0;
  int read = std::fscanf(statm, "%lu %lu", &size, &resident);
  std::fclose(statm);
  if (read != 2) return 0;
  return static_cast<double>(resident) *
         static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

}  // namespace

double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

void add_rule_time(std::string_view rule, double cpu) {
  std::lock_guard<std::mutex> lock(phases_mutex());
  auto it = rule_times().find(rule);
  if (it == rule_times().end())
    it = rule_times().emplace(std::string(rule), 0.0).first;
  it->second += cpu;
}

bool timing_enabled() {
  static const bool enabled = std::getenv("LAUNCHLINT_TIMING") != nullptr;
  return enabled;
}

PhaseTimer::PhaseTimer(std::string_view phase)
    : phase_(phase), on_(timing_enabled()) {
  if (!on_) return;
  wall_ = std::chrono::steady_clock::now();
  cpu_ = process_cpu_seconds();
}

PhaseTimer::~PhaseTimer() {
  if (!on_) return;
  Phase p{
      std::string(phase_),
      std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_)
          .count(),
      process_cpu_seconds() - cpu_, current_rss_mib()};
  std::lock_guard<std::mutex> lock(phases_mutex());
  phases().push_back(std::move(p));
}

void print_timings(std::ostream& out) {
  if (!timing_enabled()) return;
  std::lock_guard<std::mutex> lock(phases_mutex());
  out << fmt::format("{:<24} {:>8} {:>8} {:>10}\n", "phase", "wall s", "cpu s",
                     "RSS MiB");
  for (const Phase& p : phases()) {
    out << fmt::format("{:<24} {:>8.3f} {:>8.3f} {:>10.1f}\n", p.name, p.wall,
                       p.cpu, p.rss_mib);
  }
  std::vector<std::pair<double, std::string_view>> rules;
  for (const auto& [rule, cpu] : rule_times()) rules.emplace_back(cpu, rule);
  std::sort(rules.rbegin(), rules.rend());
  if (rules.size() > 10) rules.resize(10);
  for (const auto& [cpu, rule] : rules)
    out << fmt::format("  rule {:<17} {:>8} {:>8.3f}\n", rule, "", cpu);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  out << fmt::format("{:<24} {:>8.1f} MiB\n", "peak RSS",
                     static_cast<double>(usage.ru_maxrss) / 1024);
}

}  // namespace launchlint
