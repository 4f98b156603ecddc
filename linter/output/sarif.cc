#include <filesystem>
#include <map>

#include <fmt/format.h>
#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/writer.h>

#include "linter/output/report.h"
#include "linter/rules/doc_sections.h"
#include "linter/rules/registry.h"

namespace launchlint {

namespace {

using Writer = rapidjson::Writer<rapidjson::OStreamWrapper>;

void string(Writer& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

std::string_view level(Severity s) {
  return s == Severity::Error ? "error" : s == Severity::Warning ? "warning"
                                                                 : "note";
}

std::string_view security_severity(Severity s) {
  return s == Severity::Error ? "8.0" : s == Severity::Warning ? "5.5" : "3.0";
}

std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// RFC 3986 path encoding: keep unreserved characters and '/'.
std::string encode_path(std::string_view path) {
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' ||
        c == '/') {
      out.push_back(static_cast<char>(c));
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

struct Uri {
  std::string uri;
  bool relative;
};

// Relative to %SRCROOT% (the current folder) when the file is inside it.
Uri artifact_uri(std::string_view file, const std::string& root) {
  namespace fs = std::filesystem;
  if (file == "<stdin>") return {"stdin", true};
  std::error_code ec;
  fs::path abs = fs::absolute(fs::path(file), ec).lexically_normal();
  std::string a = abs.generic_string();
  if (!root.empty() && a.starts_with(root)) {
    return {encode_path(a.substr(root.size())), true};
  }
  return {"file://" + encode_path(a), false};
}

void physical_location(Writer& w, const Location& loc, const std::string& root) {
  Uri uri = artifact_uri(loc.file_name(), root);
  w.Key("physicalLocation");
  w.StartObject();
  w.Key("artifactLocation");
  w.StartObject();
  w.Key("uri");
  string(w, uri.uri);
  if (uri.relative) {
    w.Key("uriBaseId");
    w.String("%SRCROOT%");
  }
  w.EndObject();
  w.Key("region");
  w.StartObject();
  w.Key("startLine");
  w.Uint(loc.line > 0 ? loc.line : 1);
  w.Key("startColumn");
  w.Uint(loc.column > 0 ? loc.column : 1);
  w.EndObject();
  w.EndObject();
}

void rule_descriptor(Writer& w, const RuleInfo& info) {
  std::string_view doc = rule_doc(info.name);
  w.StartObject();
  w.Key("id");
  string(w, info.id);
  w.Key("name");
  string(w, info.name);
  w.Key("shortDescription");
  w.StartObject();
  w.Key("text");
  string(w, info.summary);
  w.EndObject();
  std::string what = doc_section(doc, "What it does");
  w.Key("fullDescription");
  w.StartObject();
  w.Key("text");
  string(w, what.empty() ? std::string(info.summary) : what);
  w.EndObject();
  if (!doc.empty()) {
    w.Key("help");
    w.StartObject();
    w.Key("text");
    string(w, doc);
    w.Key("markdown");
    string(w, doc);
    w.EndObject();
  }
  w.Key("helpUri");
  string(w, fmt::format("https://github.com/launchlint/launchlint/blob/main/"
                        "rules/{}/{}.md",
                        to_string(info.area), info.name));
  w.Key("defaultConfiguration");
  w.StartObject();
  w.Key("level");
  string(w, level(info.severity));
  w.EndObject();
  w.Key("properties");
  w.StartObject();
  w.Key("tags");
  w.StartArray();
  string(w, to_string(info.area));
  if (info.area == Area::Security) w.String("security");
  w.String("kubernetes");
  w.EndArray();
  w.Key("precision");
  w.String("high");
  if (info.area == Area::Security) {
    w.Key("security-severity");
    string(w, security_severity(info.severity));
  }
  w.EndObject();
  w.EndObject();
}

std::string fingerprint(const Finding& f) {
  std::uint64_t h = fnv1a(f.rule->id);
  if (f.object.kind.empty()) {
    h = fnv1a(f.location.file_name(), fnv1a("|", h));
    h = fnv1a(f.message, fnv1a("|", h));
  } else {
    h = fnv1a(f.object.api_version.substr(0, f.object.api_version.rfind('/') + 1),
              fnv1a("|", h));
    h = fnv1a(f.object.kind, fnv1a("|", h));
    h = fnv1a(f.object.ns, fnv1a("|", h));
    h = fnv1a(f.object.name, fnv1a("|", h));
    h = fnv1a(f.path, fnv1a("|", h));
  }
  return fmt::format("{:016x}", h);
}

}  // namespace

void write_sarif(std::ostream& out, const Report& report,
                 const SarifOptions& options) {
  std::string root = options.root;
  if (root.empty()) {
    root = std::filesystem::current_path().lexically_normal().generic_string();
  }
  if (root.empty() || root.back() != '/') root.push_back('/');

  std::map<std::string_view, int> rule_index;
  std::vector<const RuleInfo*> rules;
  for (const Rule* r : report.rules) {
    rule_index.emplace(r->info.id, static_cast<int>(rules.size()));
    rules.push_back(&r->info);
  }
  for (const Finding& f : report.findings) {
    if (rule_index.emplace(f.rule->id, static_cast<int>(rules.size())).second)
      rules.push_back(f.rule);
  }

  rapidjson::OStreamWrapper os(out);
  Writer w(os);
  w.StartObject();
  w.Key("$schema");
  w.String("https://json.schemastore.org/sarif-2.1.0.json");
  w.Key("version");
  w.String("2.1.0");
  w.Key("runs");
  w.StartArray();
  w.StartObject();

  w.Key("tool");
  w.StartObject();
  w.Key("driver");
  w.StartObject();
  w.Key("name");
  w.String("launchlint");
  w.Key("version");
  string(w, tool_version());
  w.Key("semanticVersion");
  string(w, tool_version());
  w.Key("informationUri");
  w.String("https://github.com/launchlint/launchlint");
  w.Key("rules");
  w.StartArray();
  for (const RuleInfo* info : rules) rule_descriptor(w, *info);
  w.EndArray();
  w.EndObject();
  w.EndObject();

  if (!options.category.empty()) {
    w.Key("automationDetails");
    w.StartObject();
    w.Key("id");
    string(w, options.category.ends_with('/') ? options.category
                                              : options.category + "/");
    w.EndObject();
  }

  w.Key("originalUriBaseIds");
  w.StartObject();
  w.Key("%SRCROOT%");
  w.StartObject();
  w.Key("uri");
  string(w, "file://" + encode_path(root));
  w.EndObject();
  w.EndObject();

  w.Key("columnKind");
  w.String("unicodeCodePoints");

  w.Key("results");
  w.StartArray();
  for (const Finding& f : report.findings) {
    w.StartObject();
    w.Key("ruleId");
    string(w, f.rule->id);
    w.Key("ruleIndex");
    w.Int(rule_index[f.rule->id]);
    w.Key("level");
    string(w, level(f.severity));
    w.Key("message");
    w.StartObject();
    w.Key("text");
    string(w, f.message);
    w.EndObject();
    w.Key("locations");
    w.StartArray();
    w.StartObject();
    physical_location(w, f.location, root);
    if (!f.object.kind.empty()) {
      w.Key("logicalLocations");
      w.StartArray();
      w.StartObject();
      w.Key("fullyQualifiedName");
      string(w, f.object.ns.empty()
                    ? fmt::format("{}/{}", f.object.kind, f.object.name)
                    : fmt::format("{}/{}/{}", f.object.ns, f.object.kind,
                                  f.object.name));
      w.Key("kind");
      w.String("object");
      w.EndObject();
      w.EndArray();
    }
    w.EndObject();
    w.EndArray();
    if (!f.related.empty()) {
      w.Key("relatedLocations");
      w.StartArray();
      int id = 1;
      for (const RelatedLocation& r : f.related) {
        w.StartObject();
        w.Key("id");
        w.Int(id++);
        physical_location(w, r.location, root);
        w.Key("message");
        w.StartObject();
        w.Key("text");
        string(w, r.message);
        w.EndObject();
        w.EndObject();
      }
      w.EndArray();
    }
    w.Key("partialFingerprints");
    w.StartObject();
    w.Key("launchlint/v1");
    string(w, fingerprint(f));
    w.EndObject();
    if (f.suppressed) {
      w.Key("suppressions");
      w.StartArray();
      w.StartObject();
      w.Key("kind");
      w.String("inSource");
      w.Key("justification");
      string(w, f.suppression_reason);
      w.EndObject();
      w.EndArray();
    }
    w.EndObject();
  }
  w.EndArray();

  w.EndObject();
  w.EndArray();
  w.EndObject();
  out << '\n';
}

}  // namespace launchlint
