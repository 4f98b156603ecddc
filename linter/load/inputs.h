#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace launchlint {

// A folder holding Chart.yaml is a chart, one holding a kustomization file a
// kustomization: both are rendered, not read.
enum class InputKind { File, Chart, Kustomization };

struct InputFile {
  std::string path;  // as the user gave it, or found under a folder; "-" is stdin
  InputKind kind = InputKind::File;
  std::string display() const { return path == "-" ? "<stdin>" : path; }
};

struct InputError {
  std::string path;
  std::string message;
};

// Expands files and folders (recursively: .yaml, .yml, .json; hidden files
// and folders skipped; symlinked folders not followed) in a stable order.
// Chart and kustomization folders are kept whole, not walked into.
std::vector<InputFile> expand_paths(const std::vector<std::string>& paths,
                                    std::vector<InputError>* errors);

// Reads a whole regular file (or stdin). Refuses FIFOs, devices and files
// larger than `max_bytes`.
bool read_input(const InputFile& input, std::size_t max_bytes,
                std::string* content, std::string* error);

}  // namespace launchlint
