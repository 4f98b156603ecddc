#include <rapidjson/writer.h>
#include "linter/output/json_stream.h"

#include "linter/output/report.h"
#include "linter/output/utf8.h"

namespace launchlint {

namespace {

using Writer = rapidjson::Writer<JsonBuffer>;

void string(Writer& w, std::string_view s) {
  std::string storage;
  s = as_utf8(s, &storage);
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void location(Writer& w, const Location& loc) {
  w.Key("file");
  string(w, loc.file_name());
  w.Key("line");
  w.Uint(loc.line);
  w.Key("column");
  w.Uint(loc.column);
}

// apiVersion, kind, namespace and name, as keys of the open object.
void write_id_fields(Writer& w, const ObjectId& id) {
  w.Key("apiVersion");
  string(w, id.api_version);
  w.Key("kind");
  string(w, id.kind);
  w.Key("namespace");
  string(w, id.ns);
  w.Key("name");
  string(w, id.name);
}

void write_object_id(Writer& w, const ObjectId& id) {
  w.StartObject();
  write_id_fields(w, id);
  w.EndObject();
}

void write_finding(Writer& w, const Finding& f) {
  w.StartObject();
  w.Key("rule");
  string(w, f.rule->id);
  w.Key("name");
  string(w, f.rule->name);
  w.Key("area");
  string(w, to_string(f.rule->area));
  w.Key("severity");
  string(w, to_string(f.severity));
  w.Key("message");
  string(w, f.message);
  w.Key("object");
  if (f.object.kind.empty()) {
    w.Null();
  } else {
    write_object_id(w, f.object);
  }
  w.Key("location");
  w.StartObject();
  location(w, f.location);
  w.EndObject();
  w.Key("path");
  string(w, f.path);
  if (!f.helm_source.empty()) {
    w.Key("helmSource");
    string(w, f.helm_source);
  }
  if (!f.values_set.empty()) {
    w.Key("valuesSet");
    string(w, f.values_set);
  }
  w.Key("related");
  w.StartArray();
  for (const RelatedNote& r : f.related) {
    w.StartObject();
    location(w, r.location);
    w.Key("message");
    string(w, r.message);
    w.EndObject();
  }
  w.EndArray();
  w.Key("suppressed");
  w.Bool(f.suppressed);
  if (f.suppressed) {
    w.Key("suppressionReason");
    string(w, f.suppression_reason);
    w.Key("suppression");
    w.StartObject();
    w.Key("kind");
    w.String(f.suppressed_by_config ? "config" : "annotation");
    w.Key("reason");
    string(w, f.suppression_reason);
    w.Key("owner");
    string(w, f.suppression_owner);
    w.Key("expires");
    string(w, f.suppression_expires);
    w.EndObject();
  }
  w.EndObject();
}

void write_review(Writer& w, const Review& review) {
  w.Key("workloads");
  w.StartArray();
  for (const WorkloadReview& wr : review.workloads) {
    w.StartObject();
    write_id_fields(w, wr.object->id);
    w.Key("areas");
    w.StartObject();
    for (std::size_t a = 0; a < kReviewAreas.size(); ++a) {
      string(w, to_string(kReviewAreas[a]));
      string(w, to_string(wr.areas[a]));
    }
    w.EndObject();
    w.Key("owners");
    w.StartObject();
    w.Key("rollback");
    string(w, wr.owners.rollback.name);
    w.Key("slo");
    string(w, wr.owners.slo.name);
    w.Key("owner");
    string(w, wr.owners.owner.name);
    w.EndObject();
    w.Key("resources");
    w.StartObject();
    w.Key("gpus");
    w.Double(wr.cost.gpus);
    w.Key("cpuCores");
    w.Double(wr.cost.cpu_cores);
    w.Key("memoryGiB");
    w.Double(wr.cost.memory_gib);
    w.Key("gpuProduct");
    string(w, wr.cost.gpu_product);
    w.Key("minReplicas");
    w.Double(wr.cost.min_replicas);
    w.Key("maxReplicas");
    w.Double(wr.cost.max_replicas);
    w.EndObject();
    w.Key("cost");
    if (wr.cost.priced) {
      w.StartObject();
      w.Key("currency");
      string(w, review.currency);
      w.Key("hourlyMin");
      w.Double(wr.cost.hourly_min);
      w.Key("hourlyMax");
      w.Double(wr.cost.hourly_max);
      w.Key("monthlyMin");
      w.Double(wr.cost.monthly_min());
      w.Key("monthlyMax");
      w.Double(wr.cost.monthly_max());
      w.Key("gpuPriceMissing");
      w.Bool(wr.cost.gpu_unpriced);
      w.EndObject();
    } else {
      w.Null();
    }
    w.EndObject();
  }
  w.EndArray();

  const Decision& d = review.decision;
  w.Key("decision");
  w.StartObject();
  w.Key("verdict");
  string(w, to_id(d.verdict));
  w.Key("primaryRisk");
  if (d.primary_risk) {
    write_finding(w, *d.primary_risk);
  } else {
    w.Null();
  }
  w.Key("acceptedExceptions");
  w.StartArray();
  for (const AcceptedException& e : d.accepted) {
    w.StartObject();
    w.Key("rule");
    string(w, e.rule);
    w.Key("object");
    write_object_id(w, e.object);
    w.Key("reason");
    string(w, e.reason);
    w.Key("owner");
    string(w, e.owner);
    w.Key("expires");
    string(w, e.expires);
    w.Key("source");
    w.String(e.from_config ? "config" : "annotation");
    w.EndObject();
  }
  w.EndArray();
  w.Key("rollbackOwner");
  string(w, d.rollback_owner);
  w.Key("sloOwner");
  string(w, d.slo_owner);
  w.Key("reviewDate");
  string(w, d.review_date);
  w.EndObject();
}

}  // namespace

void write_json(std::ostream& out, const Report& report) {
  JsonBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  w.Key("tool");
  w.StartObject();
  w.Key("name");
  w.String("launchlint");
  w.Key("version");
  string(w, tool_version());
  w.EndObject();

  w.Key("findings");
  w.StartArray();
  for (const Finding& f : report.findings) {
    write_finding(w, f);
    drain(buffer, out);
  }
  w.EndArray();

  w.Key("errors");
  w.StartArray();
  for (const InputError& e : report.errors) {
    w.StartObject();
    w.Key("path");
    string(w, e.path);
    w.Key("message");
    string(w, e.message);
    w.EndObject();
  }
  w.EndArray();

  Counts c = count_findings(report.findings);
  w.Key("summary");
  w.StartObject();
  w.Key("error");
  w.Uint64(c.error);
  w.Key("warning");
  w.Uint64(c.warning);
  w.Key("info");
  w.Uint64(c.info);
  w.Key("suppressed");
  w.Uint64(c.suppressed);
  w.Key("byArea");
  w.StartObject();
  for (int a = 0; a < 6; ++a) {
    string(w, to_string(static_cast<Area>(a)));
    w.Uint64(c.by_area[a]);
  }
  w.EndObject();
  w.Key("files");
  w.Uint64(report.stats.files);
  w.Key("objects");
  w.Uint64(report.objects);
  w.Key("skippedDocuments");
  w.Uint64(report.stats.skipped_documents);
  w.EndObject();
  if (report.review) write_review(w, *report.review);
  w.EndObject();
  drain(buffer, out, true);
  out << '\n';
}

}  // namespace launchlint
