// The floor: a bare single-threaded yaml-cpp event-API parse of one file that
// does nothing with the events. Prints documents and seconds.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

namespace {
class Nop : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};
}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: parse_floor FILE\n");
    return 2;
  }
  auto start = std::chrono::steady_clock::now();
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "parse_floor: cannot read %s\n", argv[1]);
    return 2;
  }
  YAML::Parser parser(in);
  Nop nop;
  long docs = 0;
  try {
    while (parser.HandleNextDocument(nop)) ++docs;
  } catch (const YAML::Exception& e) {
    std::fprintf(stderr, "parse_floor: %s\n", e.what());
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                           start)
                 .count();
  std::printf("documents %ld seconds %.3f\n", docs, s);
  return 0;
}
