#pragma once

#include <cstddef>
#include <functional>

namespace launchlint {

// The number of threads `jobs` asks for: itself, or one per core for 0.
unsigned resolve_jobs(unsigned jobs);

// Calls `task(i)` for every i in [0, count) on up to `jobs` threads (the
// caller's among them); tasks are handed out in order as threads free up.
// Runs on fewer threads when no more can be started. The first exception a
// task throws is rethrown once every thread has stopped.
void parallel_for(std::size_t count, unsigned jobs,
                  const std::function<void(std::size_t)>& task);

}  // namespace launchlint
