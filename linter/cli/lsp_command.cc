#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "linter/cli/commands.h"
#include "linter/lsp/framing.h"
#include "linter/lsp/server.h"

namespace launchlint {

namespace {

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// Serves LSP on stdin/stdout until `exit`, end of input, or a closed output.
int run_lsp() {
  std::signal(SIGPIPE, SIG_IGN);  // a vanished client is a write error
  bool client_gone = false;
  lsp::Server server([&](std::string body) {
    if (!client_gone && !write_all(STDOUT_FILENO, lsp::frame(body))) {
      client_gone = true;
    }
  });
  lsp::MessageReader reader;
  char chunk[65536];
  while (!server.exited() && !client_gone) {
    int timeout = -1;
    if (auto due = server.next_due()) {
      auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(
          *due - lsp::Clock::now());
      timeout = static_cast<int>(std::max<long long>(0, wait.count() + 1));
    }
    pollfd in{STDIN_FILENO, POLLIN, 0};
    int ready = ::poll(&in, 1, timeout);
    if (ready < 0 && errno != EINTR) break;
    if (ready > 0) {
      ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
      if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      if (n <= 0) break;  // end of input: the client is gone
      for (const lsp::MessageReader::Item& item :
           reader.feed(std::string_view(chunk, static_cast<std::size_t>(n)))) {
        if (server.exited()) break;
        if (item.malformed) {
          std::cerr << fmt::format("launchlint lsp: {}\n", item.text);
          server.send_error(lsp::kParseError, item.text);
        } else {
          server.handle(item.text, lsp::Clock::now());
        }
      }
    }
    server.run_due(lsp::Clock::now());
  }
  return server.exited() ? server.exit_code() : 1;
}

}  // namespace

CommandRunner add_lsp_command(CLI::App& app) {
  app.add_subcommand("lsp",
                     "Language server on stdin/stdout: diagnostics while "
                     "you edit, hovers with rule docs, quick fixes");
  return [] { return run_lsp(); };
}

}  // namespace launchlint
