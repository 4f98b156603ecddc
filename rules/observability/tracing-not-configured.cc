#include <fmt/format.h>

#include "linter/model/serving.h"
#include "linter/rules/rule.h"

namespace launchlint {

namespace {

// The OpenTelemetry operator injects the SDK and its OTEL_* settings.
bool operator_injected(const PodTemplate& pod) {
  NodeRef annotations = pod.metadata["annotations"];
  for (std::uint32_t i = 0; i < annotations.size(); ++i) {
    std::string_view key = annotations.key_at(i).str();
    std::string_view value = annotations.at(i).str();
    if (key.starts_with("instrumentation.opentelemetry.io/inject-") &&
        !value.empty() && value != "false")
      return true;
  }
  return false;
}

void check(const LintContext&, const Object& object, Reporter& out) {
  // Jobs run to completion: a download or benchmark serves no traffic.
  if (object.is_batch()) return;
  for (const PodTemplate& pod : object.pods) {
    if (!answers_requests(object, pod)) continue;
    const Container* c = server_container(pod);
    if (c == nullptr) continue;
    // Settings from a ConfigMap or Secret cannot be read here.
    if (c->node["envFrom"].valid() || operator_injected(pod)) continue;
    ServerKind server = container_server(*c);
    if (!tracing_configuration(*c, server).empty()) continue;
    std::string_view flag = tracing_flag(server);
    out.report(c->node,
               fmt::format("{} runs {} with no tracing configured: slow or "
                           "failed requests cannot be followed from the "
                           "gateway into the server; {}set "
                           "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT to your "
                           "collector",
                           pod.describe(*c), to_string(server),
                           flag.empty() ? std::string()
                                        : fmt::format("pass {} or ", flag)));
  }
}

}  // namespace

extern const Rule kTracingNotConfigured = {
    {"OBS003", "tracing-not-configured", Area::Observability, Severity::Info,
     "A model server exports no OpenTelemetry traces."},
    check};

}  // namespace launchlint
