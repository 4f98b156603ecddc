#pragma once

#include <string_view>

// The fuzz targets: each takes any bytes and must neither crash nor fail one
// of its checks. fuzz_main.cc gives each to libFuzzer; the test suite replays
// tests/fuzz_regressions/ through them.
namespace launchlint::fuzz {

// The bytes as one manifest file: loaded, linted, written in every format.
void loader(std::string_view bytes);

// The bytes as a .launchlint.yaml; with a line "#%manifest" in them, what
// follows it is a manifest linted with that config.
void config(std::string_view bytes);

// The bytes as the language server's input stream.
void lsp(std::string_view bytes);

}  // namespace launchlint::fuzz
