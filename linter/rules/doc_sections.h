#pragma once

#include <string>
#include <string_view>

namespace launchlint {

// The text of the "## <heading>" section of a rule doc, trimmed; empty when
// the doc has no such section.
std::string doc_section(std::string_view doc, std::string_view heading);

// The first ```yaml block of a section, or empty.
std::string doc_yaml_block(std::string_view doc, std::string_view heading);
// The config a section's example runs with: its "```yaml .launchlint.yaml"
// block, or "" when the rule needs none.
std::string doc_config_block(std::string_view doc, std::string_view heading);

}  // namespace launchlint
