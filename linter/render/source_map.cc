#include "linter/render/source_map.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>

#include "linter/render/source_files.h"
#include "linter/render/template_map.h"
#include "linter/render/yaml_path.h"
#include "linter/rules/registry.h"
#include "linter/yaml/parse.h"

namespace launchlint {

namespace fs = std::filesystem;

namespace {

struct SourceFile {
  std::shared_ptr<const std::string> name;
  std::string text;
  bool parsed = false;
  ParsedStream yaml;
};

// Files read for mapping, each read (and parsed) once.
class Files {
 public:
  SourceFile* get(const std::string& path) {
    auto it = files_.find(path);
    if (it != files_.end()) return it->second.get();
    auto f = std::make_unique<SourceFile>();
    std::ifstream in(path, std::ios::binary);
    if (in) {
      std::stringstream ss;
      ss << in.rdbuf();
      f->text = ss.str();
    }
    f->name = std::make_shared<const std::string>(path);
    SourceFile* raw = f.get();
    files_.emplace(path, std::move(f));
    if (!in) return nullptr;
    return raw;
  }
  const ParsedStream* yaml(const std::string& path) {
    SourceFile* f = get(path);
    if (!f) return nullptr;
    if (!f->parsed) {
      f->yaml = parse_stream(f->text, f->name);
      f->parsed = true;
    }
    return &f->yaml;
  }
  std::shared_ptr<const std::string> name(const std::string& path) {
    SourceFile* f = get(path);
    return f ? f->name : std::make_shared<const std::string>(path);
  }

 private:
  std::map<std::string, std::unique_ptr<SourceFile>> files_;
};

// The objects of the model by file and identity, and each document's place
// among the documents its template wrote, worked out once for all findings
// (a scan of the model per finding was quadratic on large charts).
class ObjectLookup {
 public:
  explicit ObjectLookup(const Model& model) {
    std::unordered_map<std::string, std::pair<int, const Document*>> written;
    for (const Object& o : model.objects) {
      const Document* d = o.document.get();
      if (!d || !d->file) continue;
      by_id_[key(*d->file, o.id)].push_back(&o);
      if (d->helm_source.empty()) continue;
      auto& [count, last] =
          written[fmt::format("{}\n{}", *d->file, d->helm_source)];
      if (d == last) continue;  // objects of one document are contiguous
      last = d;
      occurrence_.emplace(d, count++);
    }
  }

  // The object a finding is on: the copy in the finding's file whose
  // document holds its line, else the first in that file.
  const Object* find(const Finding& f) const {
    auto it = by_id_.find(key(f.location.file_name(), f.object));
    if (it == by_id_.end()) return nullptr;
    for (const Object* o : it->second) {
      const Document& d = *o->document;
      if (d.start_line <= f.location.line &&
          f.location.line <= std::max(d.end_line, d.start_line))
        return o;
    }
    return it->second.front();
  }

  // The index of `object`'s document among the documents its template
  // wrote; -1 without a "# Source:" comment.
  int occurrence(const Object& object) const {
    auto it = occurrence_.find(object.document.get());
    return it == occurrence_.end() ? -1 : it->second;
  }

 private:
  static std::string key(std::string_view file, const ObjectId& id) {
    return fmt::format("{}\n{}\n{}\n{}\n{}", file, id.api_version, id.kind,
                       id.ns, id.name);
  }
  std::unordered_map<std::string, std::vector<const Object*>> by_id_;
  std::unordered_map<const Document*, int> occurrence_;
};

void note(std::vector<RelatedLocation>* out, Location at, std::string message) {
  RelatedLocation r;
  r.location = std::move(at);
  r.message = std::move(message);
  out->push_back(std::move(r));
}

Location location_in(std::shared_ptr<const std::string> file, NodeRef node) {
  return {std::move(file), node.line(), node.column()};
}

// A values file and the path prefix under which it holds this chart's values.
struct ValuesSource {
  std::string file;
  std::vector<PathStep> prefix;
};

std::vector<ValuesSource> values_sources(const Rendering& r,
                                         const std::string& helm_source) {
  ChartChain chain = chart_chain(r.folder, helm_source);
  std::vector<ValuesSource> out;  // lowest precedence first
  std::size_t depth = chain.folders.size();
  for (std::size_t k = depth; k-- > 0;) {
    std::vector<PathStep> prefix;
    for (std::size_t n = k; n < chain.names.size(); ++n)
      prefix.push_back({chain.names[n], -1});
    fs::path file = fs::path(chain.folders[k]) / "values.yaml";
    std::error_code ec;
    if (fs::is_regular_file(file, ec)) out.push_back({file.string(), prefix});
  }
  std::vector<PathStep> prefix;
  for (const std::string& n : chain.names) prefix.push_back({n, -1});
  for (const std::string& v : r.values_files) out.push_back({v, prefix});
  return out;
}

struct ValuesHit {
  const ValuesSource* source;
  NodeRef node;
  bool full;
  std::size_t depth;
};

std::vector<ValuesHit> find_values(Files& files,
                                   const std::vector<ValuesSource>& sources,
                                   const std::vector<PathStep>& path) {
  std::vector<ValuesHit> hits;
  for (const ValuesSource& s : sources) {
    const ParsedStream* y = files.yaml(s.file);
    if (!y || y->documents.empty()) continue;
    std::vector<PathStep> full = s.prefix;
    full.insert(full.end(), path.begin(), path.end());
    NodeRef last;
    std::size_t n = follow_path(y->documents[0]->root(), full, &last);
    if (n <= s.prefix.size()) continue;
    hits.push_back({&s, last, n == full.size(), n - s.prefix.size()});
  }
  return hits;
}

// A named template's definition among the chart chain's templates.
bool find_named_template(Files& files, const std::vector<std::string>& folders,
                         const std::string& name, SourceFile** file,
                         std::uint32_t* first, std::uint32_t* last) {
  for (const std::string& folder : folders) {
    std::error_code ec;
    std::vector<fs::path> candidates;
    for (const fs::directory_entry& e :
         fs::recursive_directory_iterator(fs::path(folder) / "templates", ec)) {
      std::string ext = e.path().extension().string();
      if (ext == ".tpl" || ext == ".yaml" || ext == ".yml" || ext == ".txt")
        candidates.push_back(e.path());
    }
    std::sort(candidates.begin(), candidates.end());
    for (const fs::path& p : candidates) {
      SourceFile* f = files.get(p.string());
      if (!f || f->text.find(name) == std::string::npos) continue;
      if (find_define(f->text, name, first, last)) {
        *file = f;
        return true;
      }
    }
  }
  return false;
}

// Maps the rendered node at `path` (reported at `*at`) of `object` to its
// source; fills `related` with the other places involved.
bool map_helm(Files& files, const Rendering& r, const Object& object,
              int occurrence, const std::string& path, Location* at,
              std::vector<RelatedLocation>* out) {
  const std::string& source = object.document->helm_source;
  if (source.empty()) return false;
  std::string template_file = helm_source_file(r.folder, source);
  if (template_file.empty()) return false;
  SourceFile* tf = files.get(template_file);
  if (!tf) return false;
  std::vector<PathStep> steps = parse_yaml_path(path);
  TemplateMatch m = map_template(tf->text, steps, object.document->root(),
                                 object.id.kind, occurrence);
  if (m.line == 0) return false;

  Location rendered = *at;
  Location primary{tf->name, m.line, m.column};
  std::vector<RelatedLocation> related;
  std::vector<ValuesSource> sources = values_sources(r, source);
  if (!m.include_name.empty()) {
    // The named template's line that writes the rest, or its define line.
    ChartChain chain = chart_chain(r.folder, source);
    std::vector<std::string> folders(chain.folders.rbegin(),
                                     chain.folders.rend());
    SourceFile* def = nullptr;
    std::uint32_t first = 0, last = 0;
    if (find_named_template(files, folders, m.include_name, &def, &first,
                            &last)) {
      std::string_view text = def->text;
      std::size_t begin = 0;
      for (std::uint32_t n = 1; n <= first && begin != std::string_view::npos;
           ++n)
        begin = text.find('\n', begin) + 1;
      std::size_t end = begin;
      for (std::uint32_t n = first + 1; n < last && end < text.size(); ++n) {
        std::size_t eol = text.find('\n', end);
        end = eol == std::string_view::npos ? text.size() : eol + 1;
      }
      TemplateMatch inner;
      if (!m.rest.empty() && begin <= end && end <= text.size())
        inner = map_template(text.substr(begin, end - begin), m.rest, NodeRef(),
                             "");
      if (inner.exact) {
        note(&related, Location{def->name, first + inner.line, inner.column},
             fmt::format("written by template \"{}\"", m.include_name));
        m.values_paths.insert(m.values_paths.end(), inner.values_paths.begin(),
                              inner.values_paths.end());
      } else {
        note(&related, Location{def->name, first, 1},
             fmt::format("template \"{}\" is defined here", m.include_name));
      }
    }
  }
  for (std::size_t i = 0; i < m.values_paths.size(); ++i) {
    const std::vector<PathStep>& vp = m.values_paths[i];
    std::vector<ValuesHit> hits = find_values(files, sources, vp);
    std::string dotted = format_yaml_path(vp);
    bool any_full = false;
    for (const ValuesHit& h : hits) any_full = any_full || h.full;
    const ValuesHit* effective = nullptr;
    for (const ValuesHit& h : hits)
      if (h.full) effective = &h;
    if (i == 0 && m.values_block && effective) {
      // The block comes from a values file through toYaml: the value itself
      // is the place to fix.
      note(&related, primary,
           "written into the manifest by this template line");
      primary =
          location_in(files.name(effective->source->file), effective->node);
    }
    for (const ValuesHit& h : hits) {
      if (&h == effective && i == 0 && m.values_block) continue;
      if (any_full && !h.full) continue;
      std::string shown =
          h.full ? dotted
                 : format_yaml_path(std::vector<PathStep>(
                       vp.begin(),
                       vp.begin() + static_cast<std::ptrdiff_t>(h.depth)));
      std::string message = fmt::format("value {} is set here", shown);
      if (h.full && effective && &h != effective)
        message += fmt::format(", overridden by {}", effective->source->file);
      note(&related, location_in(files.name(h.source->file), h.node),
           std::move(message));
    }
  }
  note(&related, rendered,
       fmt::format("rendered by helm template ({})",
                   path.empty() ? std::string("document") : path));
  *at = primary;
  out->insert(out->end(), related.begin(), related.end());
  return true;
}

bool name_matches(std::string_view rendered, std::string_view written) {
  return !written.empty() && rendered.find(written) != std::string_view::npos;
}

bool map_kustomize(Files& files, const Rendering& r, const Object& object,
                   const std::string& path, Location* at,
                   std::vector<RelatedLocation>* out) {
  std::vector<PathStep> steps = parse_yaml_path(path);
  // The resource file the document came from.
  std::string origin;
  for (const KustomizeOrigin& o : r.origins) {
    if (o.first_line <= object.root.line() && object.root.line() <= o.last_line)
      origin = o.file;
  }
  struct Hit {
    std::shared_ptr<const std::string> file;
    NodeRef node;
    std::size_t depth = 0;
    bool leaf = false;  // a value the file sets, not a block around it
  };
  auto search = [&](const std::string& file) {
    Hit best;
    const ParsedStream* y = files.yaml(file);
    if (!y) return best;
    for (const auto& doc : y->documents) {
      NodeRef root = doc->root();
      if (root["kind"].str() != object.id.kind ||
          !name_matches(object.id.name, root["metadata"]["name"].str()))
        continue;
      NodeRef last, value;
      std::size_t n = follow_path(root, steps, &last, &value);
      if (n >= best.depth && last.valid()) {
        best = {files.name(file), last, n,
                value.is_scalar() || value.is_null()};
      }
    }
    return best;
  };
  Hit patch;
  for (const std::string& p : r.patch_files) {
    Hit h = search(p);
    // A patch is the source of a value it sets; a block it only passes
    // through (a container it patches) belongs to the resource.
    if (h.file && h.depth == steps.size() && h.leaf && h.depth > patch.depth)
      patch = h;
  }
  Hit base = origin.empty() ? Hit{} : search(origin);
  // An image the kustomization's `images:` rewrites: that entry sets it.
  if (!steps.empty() && steps.back().key == "image") {
    NodeRef last, value;
    follow_path(object.root, steps, &last, &value);
    std::string_view image = value.str();
    std::size_t cut = image.find('@');
    if (cut == std::string_view::npos) {
      std::size_t colon = image.rfind(':');
      std::size_t slash = image.rfind('/');
      if (colon != std::string_view::npos &&
          (slash == std::string_view::npos || colon > slash))
        cut = colon;
    }
    std::string_view repo = image.substr(0, cut);
    for (const KustomizeImage& entry : r.images) {
      if (repo != (entry.new_name.empty() ? entry.name : entry.new_name))
        continue;
      Location rendered = *at;
      *at = {files.name(entry.file), entry.line, entry.column};
      if (base.file)
        note(out, location_in(base.file, base.node),
             "the image this kustomization entry rewrites");
      note(out, rendered, fmt::format("built by kustomize ({})", path));
      return true;
    }
  }
  std::vector<RelatedLocation> related;
  Location rendered = *at;
  if (patch.file) {
    *at = location_in(patch.file, patch.node);
    if (base.file)
      note(&related, location_in(base.file, base.node),
           "the resource this patch changes");
  } else if (base.file) {
    *at = location_in(base.file, base.node);
  } else {
    return false;
  }
  note(&related, rendered,
       fmt::format("built by kustomize ({})",
                   path.empty() ? std::string("document") : path));
  out->insert(out->end(), related.begin(), related.end());
  return true;
}

bool map_one(Files& files, const Rendering& r, const Object& object,
             int occurrence, const std::string& path, Location* at,
             std::vector<RelatedLocation>* related) {
  return r.kind == RenderKind::Helm
             ? map_helm(files, r, object, occurrence, path, at, related)
             : map_kustomize(files, r, object, path, at, related);
}

}  // namespace

void map_to_sources(const std::vector<Rendering>& renderings,
                    const Model& model, std::vector<Finding>* findings) {
  if (renderings.empty()) return;
  Files files;
  ObjectLookup objects(model);
  for (Finding& f : *findings) {
    const Rendering* r = nullptr;
    for (const Rendering& candidate : renderings) {
      if (candidate.display && *candidate.display == f.location.file_name()) {
        r = &candidate;
        break;
      }
    }
    if (!r) continue;
    f.values_set = f.keep(r->values_set);
    if (f.object.kind.empty()) continue;
    const Object* object = objects.find(f);
    if (!object) continue;
    std::vector<RelatedLocation> related;
    int occurrence = objects.occurrence(*object);
    map_one(files, *r, *object, occurrence, std::string(f.path), &f.location,
            &related);
    // The rule's own related places in the same rendering move too.
    for (RelatedNote& rl : f.related) {
      if (rl.location.file_name() != *r->display) continue;
      NodeRef node = node_at(object->document->root(), rl.location.line,
                             rl.location.column);
      if (!node.valid()) continue;
      std::vector<RelatedLocation> ignored;
      Location moved = rl.location;
      if (map_one(files, *r, *object, occurrence,
                  object->document->path_of(node), &moved, &ignored))
        rl.location = moved;
    }
    std::vector<RelatedNote> notes;
    notes.reserve(related.size() + f.related.size());
    for (RelatedLocation& note : related)
      notes.push_back({std::move(note.location), f.keep(note.message)});
    notes.insert(notes.end(), f.related.begin(), f.related.end());
    f.related = std::move(notes);
  }
}

Finding template_error_finding(const Rendering& r) {
  const Rule* rule = find_rule("helm-template-error");
  Finding f;
  f.rule = &rule->info;
  f.severity = rule->info.severity;
  f.values_set = f.keep(r.values_set);
  f.message = f.keep(fmt::format(
      "chart {} does not render{}: {}", r.folder,
      r.values_set.empty() ? std::string() : " with values " + r.values_set,
      r.error_message));
  f.location = {std::make_shared<const std::string>(r.error_file), r.error_line,
                r.error_column};
  return f;
}

}  // namespace launchlint
