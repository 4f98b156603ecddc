#include <fmt/format.h>

#include "linter/model/serving.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

void check(const LintContext&, const Object& object, Reporter& out) {
  for (const PodTemplate& pod : object.pods) {
    for (const Container& c : pod.containers) {
      if (c.is_init()) continue;
      ServerKind server = container_server(c);
      if (server == ServerKind::None) continue;
      MetricsEndpoint metrics = server_metrics(c, server);
      if (metrics.disabled_by.empty()) continue;
      NodeRef at = metrics.disabled_at.valid() ? metrics.disabled_at
                   : c.node["args"].valid()    ? c.node["args"]
                   : c.node["command"].valid() ? c.node["command"]
                                               : c.node;
      std::string_view what =
          server == ServerKind::Vllm
              ? "--disable-log-stats also stops vLLM's Prometheus stat "
                "logger, so /metrics carries none of the vllm:* series"
              : "its Prometheus metrics are off";
      out.report(at,
                 fmt::format("{} runs {} with {}: {}, and autoscaling and "
                             "alerts on queue depth or latency see "
                             "nothing; {}",
                             pod.describe(c), to_string(server),
                             metrics.disabled_by, what, metrics.enable_hint));
    }
  }
}

}  // namespace

extern const Rule kMetricsDisabled = {
    {"OBS004", "metrics-disabled", Area::Observability, Severity::Warning,
     "A model server flag switches its Prometheus metrics off."},
    check};

}  // namespace launchlint
