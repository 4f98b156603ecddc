#include "linter/load/inputs.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "linter/render/render.h"

namespace launchlint {

namespace fs = std::filesystem;

namespace {

bool is_manifest_name(const fs::path& p) {
  std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

// A chart or kustomization folder, rendered as a whole.
InputKind folder_kind(const fs::path& p) {
  if (is_chart_folder(p.string())) return InputKind::Chart;
  if (is_kustomize_folder(p.string())) return InputKind::Kustomization;
  return InputKind::File;
}

bool is_hidden(const fs::path& p) {
  std::string name = p.filename().string();
  return name.size() > 1 && name[0] == '.' && name != "..";
}

void walk(const fs::path& dir, std::vector<InputFile>* out,
          std::vector<InputError>* errors) {
  std::error_code ec;
  std::vector<InputFile> files;
  fs::recursive_directory_iterator it(
      dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    errors->push_back({dir.string(), ec.message()});
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      errors->push_back({it->path().string(), ec.message()});
      break;
    }
    const fs::directory_entry& entry = *it;
    if (is_hidden(entry.path()) || entry.path().filename() == "node_modules") {
      if (entry.is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (entry.is_directory(ec) && !entry.is_symlink(ec)) {
      InputKind kind = folder_kind(entry.path());
      if (kind != InputKind::File) {
        it.disable_recursion_pending();
        files.push_back({entry.path().string(), kind});
      }
      continue;
    }
    if (entry.is_regular_file(ec) && is_manifest_name(entry.path()))
      files.push_back({entry.path().string()});
  }
  std::sort(files.begin(), files.end(),
            [](const InputFile& a, const InputFile& b) {
              return fs::path(a.path) < fs::path(b.path);
            });
  // "./a.yaml" reads better as "a.yaml" (no PATH means ".").
  for (InputFile& f : files)
    f.path = fs::path(f.path).lexically_normal().string();
  out->insert(out->end(), files.begin(), files.end());
}

std::vector<InputFile> expand_paths_once(const std::vector<std::string>& paths,
                                         std::vector<InputError>* errors) {
  std::vector<InputFile> out;
  for (const std::string& path : paths) {
    if (path == "-") {
      out.push_back({path});
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      errors->push_back({path, "no such file or folder"});
    } else if (fs::is_directory(st)) {
      InputKind kind = folder_kind(path);
      if (kind == InputKind::File) {
        walk(path, &out, errors);
      } else {
        out.push_back({path, kind});
      }
    } else {
      out.push_back({path});
    }
  }
  return out;
}

}  // namespace

std::vector<InputFile> expand_paths(const std::vector<std::string>& paths,
                                    std::vector<InputError>* errors) {
  std::vector<InputFile> found = expand_paths_once(paths, errors);
  // A file named twice (as itself and under a folder) is read once.
  std::vector<InputFile> out;
  std::set<std::string> seen;
  for (InputFile& f : found) {
    std::error_code ec;
    std::string key =
        f.path == "-" ? "-" : fs::weakly_canonical(f.path, ec).string();
    if (ec) key = f.path;
    if (seen.insert(key).second) out.push_back(std::move(f));
  }
  return out;
}

namespace {

bool read_stdin(std::size_t max_bytes, std::string* content,
                std::string* error) {
  content->clear();
  char buf[1 << 16];
  while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
    content->append(buf, static_cast<std::size_t>(std::cin.gcount()));
    if (content->size() > max_bytes) {
      *error =
          fmt::format("input larger than the {} MiB limit", max_bytes >> 20);
      return false;
    }
  }
  return true;
}

}  // namespace

bool read_input(const InputFile& input, std::size_t max_bytes,
                std::string* content, std::string* error) {
  if (input.path == "-") return read_stdin(max_bytes, content, error);
  InputText text;
  if (!open_input(input, max_bytes, &text, error)) return false;
  content->assign(text.view());
  return true;
}

InputText& InputText::operator=(InputText&& other) noexcept {
  if (this != &other) {
    if (map_) ::munmap(const_cast<char*>(map_), size_);
    map_ = std::exchange(other.map_, nullptr);
    size_ = std::exchange(other.size_, 0);
    released_ = std::exchange(other.released_, 0);
    copy_ = std::move(other.copy_);
  }
  return *this;
}

InputText::~InputText() {
  if (map_) ::munmap(const_cast<char*>(map_), size_);
}

void InputText::release_before(std::size_t end) {
  if (!map_) return;
  static const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  end = std::min(end, size_) / page * page;
  if (end <= released_) return;
  ::madvise(const_cast<char*>(map_) + released_, end - released_,
            MADV_DONTNEED);
  released_ = end;
}

bool open_input(const InputFile& input, std::size_t max_bytes, InputText* text,
                std::string* error) {
  *text = InputText();
  if (input.path == "-") return read_stdin(max_bytes, &text->copy_, error);
  int fd = ::open(input.path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    *error = std::strerror(errno);
    return false;
  }
  struct stat st;
  bool ok = ::fstat(fd, &st) == 0;
  if (!ok) {
    *error = std::strerror(errno);
  } else if (!S_ISREG(st.st_mode)) {
    *error = S_ISDIR(st.st_mode) ? "is a folder"
                                 : "not a regular file (FIFO, socket or "
                                   "device); refusing to read it";
    ok = false;
  } else if (static_cast<std::size_t>(st.st_size) > max_bytes) {
    *error = fmt::format("file is {} MiB, larger than the {} MiB limit",
                         st.st_size >> 20, max_bytes >> 20);
    ok = false;
  } else if (st.st_size > 0) {
    void* map = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ,
                       MAP_PRIVATE, fd, 0);
    if (map == MAP_FAILED) {
      *error = std::strerror(errno);
      ok = false;
    } else {
      text->map_ = static_cast<const char*>(map);
      text->size_ = static_cast<std::size_t>(st.st_size);
      ::madvise(map, text->size_, MADV_SEQUENTIAL);
    }
  }
  ::close(fd);
  return ok;
}

}  // namespace launchlint
