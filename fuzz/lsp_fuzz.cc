// The language server's fuzz target: any bytes as the server's input stream.
// The MessageReader splits them into messages, which go to the server as
// run_lsp hands them over; lints run as a fake clock passes their due time,
// on the open documents only. What must hold: the stream read in pieces
// gives what it gives read at once, and all the server sends is JSON.
#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "fuzz/checks.h"
#include "fuzz/targets.h"
#include "linter/lsp/framing.h"
#include "linter/lsp/server.h"

namespace launchlint::fuzz {

namespace {

using lsp::MessageReader;

bool same(const std::vector<MessageReader::Item>& a,
          const std::vector<MessageReader::Item>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const auto& x, const auto& y) {
                      return x.malformed == y.malformed && x.text == y.text;
                    });
}

}  // namespace

void lsp(std::string_view bytes) {
  MessageReader whole;
  std::vector<MessageReader::Item> items = whole.feed(bytes);
  // The same stream in pieces of 1 to 64 bytes, sized by the bytes.
  MessageReader pieces;
  std::vector<MessageReader::Item> again;
  for (std::size_t i = 0; i < bytes.size();) {
    std::size_t step = 1 + static_cast<unsigned char>(bytes[i]) % 64;
    for (auto& item : pieces.feed(bytes.substr(i, step)))
      again.push_back(std::move(item));
    i += step;
  }
  if (!same(items, again) || whole.buffered() != pieces.buffered())
    throw CheckFailed("the stream read in pieces reads differently");

  std::vector<std::string> sent;
  lsp::Server server(
      [&](std::string body) { sent.push_back(std::move(body)); });
  server.set_read_disk(false);
  server.set_lint(
      [](const std::vector<InMemoryFile>& files, const LintOptions& given) {
        LintOptions options = given;
        options.jobs = 1;
        options.today = kToday;
        return lint_texts(files, options);
      });
  lsp::Clock::time_point now{};
  for (const MessageReader::Item& item : items) {
    if (server.exited()) break;
    if (item.malformed) {
      server.send_error(lsp::kParseError, item.text);
    } else {
      server.handle(item.text, now);
    }
    now += std::chrono::milliseconds(50);
    server.run_due(now);
  }
  // What is still pending runs, as it would once the client waits.
  if (auto due = server.next_due(); due && !server.exited())
    server.run_due(std::max(now, *due));
  for (const std::string& body : sent) check_json(body, "a server message");
}

}  // namespace launchlint::fuzz
