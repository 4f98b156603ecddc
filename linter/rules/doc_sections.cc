#include "linter/rules/doc_sections.h"

namespace launchlint {

std::string doc_section(std::string_view doc, std::string_view heading) {
  std::string marker = "## " + std::string(heading) + "\n";
  std::size_t start = doc.find(marker);
  if (start == std::string_view::npos) return {};
  start += marker.size();
  std::size_t end = doc.find("\n## ", start);
  std::string_view body =
      doc.substr(start, end == std::string_view::npos ? std::string_view::npos
                                                      : end - start);
  while (!body.empty() && (body.front() == '\n' || body.front() == ' '))
    body.remove_prefix(1);
  while (!body.empty() && (body.back() == '\n' || body.back() == ' '))
    body.remove_suffix(1);
  return std::string(body);
}

namespace {

std::string fenced_block(std::string_view doc, std::string_view heading,
                         std::string_view fence) {
  std::string section = doc_section(doc, heading);
  std::size_t open = section.find(fence);
  if (open == std::string::npos) return {};
  open += fence.size();
  std::size_t close = section.find("```", open);
  if (close == std::string::npos) return {};
  return section.substr(open, close - open);
}

}  // namespace

std::string doc_yaml_block(std::string_view doc, std::string_view heading) {
  return fenced_block(doc, heading, "```yaml\n");
}

std::string doc_config_block(std::string_view doc, std::string_view heading) {
  return fenced_block(doc, heading, "```yaml .launchlint.yaml\n");
}

}  // namespace launchlint
