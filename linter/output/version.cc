#include "linter/output/report.h"

namespace launchlint {

std::string_view tool_version() { return LAUNCHLINT_VERSION; }

}  // namespace launchlint
