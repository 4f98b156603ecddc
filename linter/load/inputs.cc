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
#include <utility>

#include <fmt/format.h>

namespace launchlint {

namespace fs = std::filesystem;

namespace {

bool is_manifest_name(const fs::path& p) {
  std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

bool is_hidden(const fs::path& p) {
  std::string name = p.filename().string();
  return name.size() > 1 && name[0] == '.' && name != "..";
}

void walk(const fs::path& dir, std::vector<InputFile>* out,
          std::vector<InputError>* errors) {
  std::error_code ec;
  std::vector<fs::path> files;
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
    if (entry.is_regular_file(ec) && is_manifest_name(entry.path()))
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& p : files) out->push_back({p.string()});
}

}  // namespace

std::vector<InputFile> expand_paths(const std::vector<std::string>& paths,
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
      walk(path, &out, errors);
    } else {
      out.push_back({path});
    }
  }
  return out;
}

bool read_input(const InputFile& input, std::size_t max_bytes,
                std::string* content, std::string* error) {
  content->clear();
  if (input.path == "-") {
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
  struct stat st;
  if (::stat(input.path.c_str(), &st) != 0) {
    *error = std::strerror(errno);
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    *error = S_ISDIR(st.st_mode) ? "is a folder"
                                 : "not a regular file (FIFO, socket or "
                                   "device); refusing to read it";
    return false;
  }
  if (static_cast<std::size_t>(st.st_size) > max_bytes) {
    *error = fmt::format("file is {} MiB, larger than the {} MiB limit",
                         st.st_size >> 20, max_bytes >> 20);
    return false;
  }
  std::ifstream in(input.path, std::ios::binary);
  if (!in) {
    *error = std::strerror(errno);
    return false;
  }
  content->resize(static_cast<std::size_t>(st.st_size));
  in.read(content->data(), static_cast<std::streamsize>(content->size()));
  if (in.bad()) {
    *error = "read error";
    return false;
  }
  content->resize(static_cast<std::size_t>(in.gcount()));
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
  if (input.path == "-")
    return read_input(input, max_bytes, &text->copy_, error);
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
