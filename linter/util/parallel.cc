#include "linter/util/parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace launchlint {

unsigned resolve_jobs(unsigned jobs) {
  if (jobs == 0) jobs = std::thread::hardware_concurrency();
  return std::clamp(jobs, 1u, 256u);
}

void parallel_for(std::size_t count, unsigned jobs,
                  const std::function<void(std::size_t)>& task) {
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&] {
    for (std::size_t i; (i = next++) < count;) {
      try {
        task(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        next = count;  // stop handing out tasks
      }
    }
  };
  auto threads =
      static_cast<unsigned>(std::min<std::size_t>(resolve_jobs(jobs), count));
  std::vector<std::thread> workers;
  for (unsigned k = 1; k < threads; ++k) {
    try {
      workers.emplace_back(work);
    } catch (const std::system_error&) {  // no more threads: fewer workers
      break;
    }
  }
  work();
  for (std::thread& t : workers) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace launchlint
