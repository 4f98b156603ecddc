#include "linter/render/source_files.h"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "linter/yaml/parse.h"

namespace launchlint {

namespace fs = std::filesystem;

namespace {

bool is_file(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The chart's own name, from Chart.yaml.
std::string chart_name(const fs::path& folder) {
  std::string text = read_all(folder / "Chart.yaml");
  ParsedStream parsed = parse_stream(
      text,
      std::make_shared<const std::string>((folder / "Chart.yaml").string()));
  if (parsed.documents.empty()) return {};
  return std::string(parsed.documents[0]->root()["name"].str());
}

// The subchart folder of `parent` named `name` (usually charts/<name>).
fs::path subchart_folder(const fs::path& parent, const std::string& name) {
  fs::path direct = parent / "charts" / name;
  if (is_file(direct / "Chart.yaml")) return direct;
  std::error_code ec;
  for (const fs::directory_entry& e :
       fs::directory_iterator(parent / "charts", ec)) {
    if (is_file(e.path() / "Chart.yaml") && chart_name(e.path()) == name)
      return e.path();
  }
  return {};
}

std::vector<std::string> split(const std::string& path) {
  std::vector<std::string> parts;
  std::stringstream ss(path);
  for (std::string p; std::getline(ss, p, '/');)
    if (!p.empty()) parts.push_back(p);
  return parts;
}

}  // namespace

ChartChain chart_chain(const std::string& top_chart,
                       const std::string& helm_source) {
  ChartChain chain;
  std::vector<std::string> parts = split(helm_source);
  fs::path folder(top_chart);
  chain.folders.push_back(folder.string());
  // parts: top, ("charts", sub)*, rest...
  for (std::size_t i = 1; i + 1 < parts.size() && parts[i] == "charts";
       i += 2) {
    fs::path sub = subchart_folder(folder, parts[i + 1]);
    if (sub.empty()) break;
    folder = sub;
    chain.folders.push_back(folder.string());
    chain.names.push_back(parts[i + 1]);
  }
  return chain;
}

std::string helm_source_file(const std::string& chart,
                             const std::string& helm_source) {
  std::vector<std::string> parts = split(helm_source);
  if (parts.size() < 2) return {};
  fs::path folder(chart);
  std::size_t i = 1;
  for (; i + 1 < parts.size() && parts[i] == "charts"; i += 2) {
    fs::path sub = subchart_folder(folder, parts[i + 1]);
    if (sub.empty()) return {};
    folder = sub;
  }
  fs::path file = folder;
  for (; i < parts.size(); ++i) file /= parts[i];
  return is_file(file) ? file.string() : std::string();
}

void kustomize_sources(const std::string& folder,
                       std::vector<std::string>* patch_files,
                       std::vector<KustomizeImage>* images) {
  std::vector<std::string>& out = *patch_files;
  std::set<std::string> seen;
  std::vector<fs::path> todo = {fs::path(folder)};
  while (!todo.empty() && seen.size() < 256) {
    fs::path dir = todo.back().lexically_normal();
    todo.pop_back();
    if (!seen.insert(dir.string()).second) continue;
    fs::path file;
    for (const char* name :
         {"kustomization.yaml", "kustomization.yml", "Kustomization"}) {
      if (is_file(dir / name)) {
        file = dir / name;
        break;
      }
    }
    if (file.empty()) continue;
    std::string text = read_all(file);
    ParsedStream parsed =
        parse_stream(text, std::make_shared<const std::string>(file.string()));
    if (parsed.documents.empty()) continue;
    NodeRef root = parsed.documents[0]->root();
    auto add_patch = [&](std::string_view path) {
      if (path.empty()) return;
      fs::path p = (dir / std::string(path)).lexically_normal();
      if (is_file(p)) out.push_back(p.string());
    };
    NodeRef patches = root["patches"];
    for (std::uint32_t i = 0; i < patches.size(); ++i)
      add_patch(patches.at(i)["path"].str());
    NodeRef image_list = root["images"];
    for (std::uint32_t i = 0; i < image_list.size(); ++i) {
      NodeRef entry = image_list.at(i);
      KustomizeImage image;
      image.file = file.string();
      image.name = std::string(entry["name"].str());
      image.new_name = std::string(entry["newName"].str());
      NodeRef at = entry["digest"];
      if (!at.valid()) at = entry["newTag"];
      if (!at.valid()) at = entry["newName"];
      if (!at.valid()) at = entry["name"];
      image.line = at.line();
      image.column = at.column();
      if (!image.name.empty()) images->push_back(std::move(image));
    }
    NodeRef strategic = root["patchesStrategicMerge"];
    for (std::uint32_t i = 0; i < strategic.size(); ++i)
      add_patch(strategic.at(i).str());
    for (const char* key : {"resources", "bases", "components"}) {
      NodeRef list = root[key];
      for (std::uint32_t i = 0; i < list.size(); ++i) {
        fs::path p = dir / std::string(list.at(i).str());
        std::error_code ec;
        if (fs::is_directory(p, ec)) todo.push_back(p);
      }
    }
  }
}

}  // namespace launchlint
