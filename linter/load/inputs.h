#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace launchlint {

// A folder holding Chart.yaml is a chart, one holding a kustomization file a
// kustomization: both are rendered, not read.
enum class InputKind { File, Chart, Kustomization };

struct InputFile {
  std::string
      path;  // as the user gave it, or found under a folder; "-" is stdin
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

// The bytes of one input: a read-only mapping of a regular file (so the
// loader can hand pages it has parsed back to the system), or stdin's copy.
class InputText {
 public:
  InputText() = default;
  InputText(InputText&& other) noexcept { *this = std::move(other); }
  InputText& operator=(InputText&& other) noexcept;
  InputText(const InputText&) = delete;
  InputText& operator=(const InputText&) = delete;
  ~InputText();

  std::string_view view() const {
    return map_ ? std::string_view(map_, size_) : std::string_view(copy_);
  }
  // Drops the whole pages before `end` from memory; they are read again
  // from the file if touched. Only shrinks what is resident.
  void release_before(std::size_t end);

 private:
  friend bool open_input(const InputFile&, std::size_t, InputText*,
                         std::string*);
  const char* map_ = nullptr;
  std::size_t size_ = 0;
  std::size_t released_ = 0;
  std::string copy_;
};

// Opens a regular file (mapped) or stdin (read), refusing what read_input
// refuses.
bool open_input(const InputFile& input, std::size_t max_bytes, InputText* text,
                std::string* error);

}  // namespace launchlint
