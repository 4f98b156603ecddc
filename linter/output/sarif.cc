#include <algorithm>
#include <filesystem>
#include <map>

#include <fmt/format.h>
#include <rapidjson/writer.h>
#include "linter/output/json_stream.h"

#include "linter/output/columns.h"
#include "linter/output/report.h"
#include "linter/output/utf8.h"
#include "linter/rules/doc_sections.h"
#include "linter/rules/registry.h"

namespace launchlint {

namespace {

using Writer = rapidjson::Writer<JsonBuffer>;

void string(Writer& w, std::string_view s) {
  std::string storage;
  s = as_utf8(s, &storage);
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

std::string_view level(Severity s) {
  return s == Severity::Error     ? "error"
         : s == Severity::Warning ? "warning"
                                  : "note";
}

std::string_view security_severity(Severity s) {
  return s == Severity::Error ? "8.0" : s == Severity::Warning ? "5.5" : "3.0";
}

std::uint64_t fnv1a(std::string_view s,
                    std::uint64_t h = 1469598103934665603ull) {
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

// Relative to %SRCROOT% (`root`, the current folder by default) when the file
// is inside it. Relative paths are taken from `root`.
Uri artifact_uri(std::string_view file, const std::string& root) {
  namespace fs = std::filesystem;
  if (file == "<stdin>") return {"stdin", true};
  fs::path path(file);
  fs::path abs =
      (path.is_absolute() ? path : fs::path(root) / path).lexically_normal();
  std::string a = abs.generic_string();
  if (!root.empty() && a.starts_with(root)) {
    return {encode_path(a.substr(root.size())), true};
  }
  return {"file://" + encode_path(a), false};
}

void physical_location(Writer& w, const Location& loc, const std::string& root,
                       const Utf16Columns& columns) {
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
  w.Uint(loc.column > 0 ? columns.column(loc) : 1);
  w.EndObject();
  w.EndObject();
}

// Markdown that must start a line: list items, tables, code, headings.
bool starts_block(std::string_view line) {
  for (std::string_view prefix : {"- ", "* ", "| ", "```", "#"}) {
    if (line.starts_with(prefix)) return true;
  }
  std::size_t digits = 0;
  while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9')
    ++digits;
  return digits > 0 && line.substr(digits).starts_with(". ");
}

// Joins the hard-wrapped lines of each paragraph: viewers wrap plain text.
std::string unwrap(std::string text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n') continue;
    std::string_view rest = std::string_view(text).substr(i + 1);
    bool keep = rest.empty() || rest[0] == '\n' ||
                (i > 0 && text[i - 1] == '\n') || starts_block(rest);
    if (!keep) text[i] = ' ';
  }
  return text;
}

void rule_descriptor(Writer& w, const RuleInfo& info) {
  std::string_view doc = doc_of(info);
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
  std::string what = unwrap(doc_section(doc, "What it does"));
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
  if (info.source.empty()) {  // custom rules have no page of ours
    w.Key("helpUri");
    string(w, fmt::format("https://github.com/launchlint/launchlint/blob/main/"
                          "rules/{}/{}.md",
                          to_string(info.area), info.name));
  }
  w.Key("defaultConfiguration");
  w.StartObject();
  w.Key("level");
  string(w, level(info.severity));
  w.EndObject();
  w.Key("properties");
  w.StartObject();
  w.Key("tags");
  w.StartArray();
  string(w, to_string(info.area));  // "security" for security rules
  w.String("kubernetes");
  if (!info.source.empty()) w.String("custom");
  w.EndArray();
  if (!info.source.empty()) {
    w.Key("customRuleSource");  // the config file that defines the rule
    string(w, info.source);
  }
  w.Key("precision");
  w.String("high");
  if (info.area == Area::Security) {
    w.Key("security-severity");
    string(w, security_severity(info.severity));
  }
  w.EndObject();
  w.EndObject();
}

// Line numbers in a message ("first set at line 10") move with the file.
std::string without_digits(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c < '0' || c > '9') out.push_back(c);
  }
  return out;
}

// Stable when unrelated lines move: the rule, the object's identity (API group,
// not version) and the YAML path; for findings about a file, the file and the
// message without its numbers.
std::uint64_t fingerprint_hash(const Finding& f) {
  std::uint64_t h = fnv1a(f.rule->id);
  if (f.object.kind.empty()) {
    h = fnv1a(f.location.file_name(), fnv1a("|", h));
    h = fnv1a(without_digits(f.message), fnv1a("|", h));
  } else {
    h = fnv1a(
        f.object.api_version.substr(0, f.object.api_version.rfind('/') + 1),
        fnv1a("|", h));
    h = fnv1a(f.object.kind, fnv1a("|", h));
    h = fnv1a(f.object.ns, fnv1a("|", h));
    h = fnv1a(f.object.name, fnv1a("|", h));
    h = fnv1a(f.path, fnv1a("|", h));
  }
  if (!f.values_set.empty()) h = fnv1a(f.values_set, fnv1a("|", h));
  return h;
}

std::vector<Location> all_locations(const std::vector<Finding>& findings) {
  std::vector<Location> out;
  for (const Finding& f : findings) {
    out.push_back(f.location);
    for (const RelatedNote& r : f.related) out.push_back(r.location);
  }
  return out;
}

// GitHub code scanning rejects a run with more results: keep the most severe
// (unsuppressed first), in report order.
std::vector<const Finding*> capped_results(const std::vector<Finding>& findings,
                                           std::size_t cap) {
  std::vector<const Finding*> kept;
  for (const Finding& f : findings) kept.push_back(&f);
  if (kept.size() <= cap) return kept;
  auto rank = [](const Finding* f) {
    return f->suppressed ? -1 : static_cast<int>(f->severity);
  };
  std::stable_sort(
      kept.begin(), kept.end(),
      [&](const Finding* a, const Finding* b) { return rank(a) > rank(b); });
  kept.resize(cap);
  std::sort(kept.begin(),
            kept.end());  // pointers into one vector: report order
  return kept;
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

  static const std::map<std::string, std::string, std::less<>> kNoTexts;
  Utf16Columns columns(all_locations(report.findings),
                       options.texts ? *options.texts : kNoTexts);
  // Results with the same hash are told apart by their order: "hash:n".
  std::map<std::uint64_t, int> occurrences;

  JsonBuffer buffer;
  Writer w(buffer);
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

  // Unreadable inputs (GitHub shows them as tool errors), and results left
  // out by the cap, are the invocation's notifications.
  std::vector<const Finding*> results =
      capped_results(report.findings, kSarifMaxResults);
  bool truncated = results.size() < report.findings.size();
  w.Key("invocations");
  w.StartArray();
  w.StartObject();
  w.Key("executionSuccessful");
  w.Bool(report.errors.empty());
  if (!report.errors.empty() || truncated) {
    w.Key("toolExecutionNotifications");
    w.StartArray();
    if (truncated) {
      w.StartObject();
      w.Key("descriptor");
      w.StartObject();
      w.Key("id");
      w.String("results-truncated");
      w.EndObject();
      w.Key("level");
      w.String("warning");
      w.Key("message");
      w.StartObject();
      w.Key("text");
      string(w, fmt::format(
                    "{} findings, but code scanning accepts at most {} "
                    "results a run: the {} least severe are left out; run "
                    "launchlint with --format text or json to see them all",
                    report.findings.size(), results.size(),
                    report.findings.size() - results.size()));
      w.EndObject();
      w.EndObject();
    }
    for (const InputError& e : report.errors) {
      w.StartObject();
      w.Key("level");
      w.String("error");
      w.Key("message");
      w.StartObject();
      w.Key("text");
      string(w, fmt::format("{}: {}", e.path, e.message));
      w.EndObject();
      w.Key("locations");
      w.StartArray();
      w.StartObject();
      w.Key("physicalLocation");
      w.StartObject();
      w.Key("artifactLocation");
      w.StartObject();
      Uri uri = artifact_uri(e.path, root);
      w.Key("uri");
      string(w, uri.uri);
      if (uri.relative) {
        w.Key("uriBaseId");
        w.String("%SRCROOT%");
      }
      w.EndObject();
      w.EndObject();
      w.EndObject();
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  w.EndArray();

  w.Key("originalUriBaseIds");
  w.StartObject();
  w.Key("%SRCROOT%");
  w.StartObject();
  w.Key("uri");
  string(w, "file://" + encode_path(root));
  w.EndObject();
  w.EndObject();

  w.Key("columnKind");
  w.String("utf16CodeUnits");

  w.Key("results");
  w.StartArray();
  for (const Finding* result : results) {
    drain(buffer, out);
    const Finding& f = *result;
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
    physical_location(w, f.location, root, columns);
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
      for (const RelatedNote& r : f.related) {
        w.StartObject();
        w.Key("id");
        w.Int(id++);
        physical_location(w, r.location, root, columns);
        w.Key("message");
        w.StartObject();
        w.Key("text");
        string(w, r.message);
        w.EndObject();
        w.EndObject();
      }
      w.EndArray();
    }
    if (!f.helm_source.empty() || !f.values_set.empty()) {
      w.Key("properties");
      w.StartObject();
      if (!f.helm_source.empty()) {
        w.Key("helmSource");
        string(w, f.helm_source);
      }
      if (!f.values_set.empty()) {
        w.Key("valuesSet");
        string(w, f.values_set);
      }
      w.EndObject();
    }
    w.Key("partialFingerprints");
    w.StartObject();
    w.Key("launchlint/v1");
    std::uint64_t hash = fingerprint_hash(f);
    string(w, fmt::format("{:016x}:{}", hash, ++occurrences[hash]));
    w.EndObject();
    if (f.suppressed) {
      w.Key("suppressions");
      w.StartArray();
      w.StartObject();
      w.Key("kind");
      w.String(f.suppressed_by_config ? "external" : "inSource");
      w.Key("status");
      w.String("accepted");
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
  drain(buffer, out, true);
  out << '\n';
}

}  // namespace launchlint
