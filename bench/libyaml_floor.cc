// libyaml's floor: a bare single-threaded event parse of one file (the C
// parser), doing nothing with the events. Prints documents and seconds, like
// parse_floor (yaml-cpp's floor); exits 1 after a parse error.
#include <yaml.h>

#include <chrono>
#include <cstdio>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: libyaml_floor FILE\n");
    return 2;
  }
  auto start = std::chrono::steady_clock::now();
  std::FILE* in = std::fopen(argv[1], "rb");
  if (!in) {
    std::fprintf(stderr, "libyaml_floor: cannot read %s\n", argv[1]);
    return 2;
  }
  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser)) {
    std::fprintf(stderr, "libyaml_floor: cannot initialize the parser\n");
    return 2;
  }
  yaml_parser_set_input_file(&parser, in);
  long docs = 0;
  bool failed = false;
  for (;;) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) {
      std::fprintf(stderr, "libyaml_floor: %s at line %zu\n",
                   parser.problem ? parser.problem : "parse error",
                   parser.problem_mark.line + 1);
      failed = true;
      break;
    }
    bool done = event.type == YAML_STREAM_END_EVENT;
    if (event.type == YAML_DOCUMENT_START_EVENT) ++docs;
    yaml_event_delete(&event);
    if (done) break;
  }
  yaml_parser_delete(&parser);
  std::fclose(in);
  double s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  std::printf("documents %ld seconds %.3f\n", docs, s);
  return failed ? 1 : 0;
}
