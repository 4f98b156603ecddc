#include "linter/model/quantity.h"

#include <array>
#include <cmath>
#include <cstdlib>
#include <string>
#include <utility>

namespace launchlint {

bool parse_quantity(std::string_view text, double* value) {
  if (text.empty() || text.size() > 64) return false;
  static constexpr std::array<std::pair<std::string_view, double>, 13>
      kSuffixes = {{{"Ki", 1024.0},
                    {"Mi", 1048576.0},
                    {"Gi", 1073741824.0},
                    {"Ti", 1099511627776.0},
                    {"Pi", 1125899906842624.0},
                    {"Ei", 1152921504606846976.0},
                    {"n", 1e-9},
                    {"u", 1e-6},
                    {"m", 1e-3},
                    {"k", 1e3},
                    {"M", 1e6},
                    {"G", 1e9},
                    {"T", 1e12}}};
  double scale = 1.0;
  std::string_view number = text;
  for (const auto& [suffix, factor] : kSuffixes) {
    if (text.size() > suffix.size() && text.ends_with(suffix)) {
      number = text.substr(0, text.size() - suffix.size());
      scale = factor;
      break;
    }
  }
  if (scale == 1.0) {
    if (text.ends_with("P")) {
      number = text.substr(0, text.size() - 1), scale = 1e15;
    } else if (text.ends_with("E") && text.size() > 1 &&
               std::isdigit(static_cast<unsigned char>(text[text.size() - 2]))) {
      number = text.substr(0, text.size() - 1), scale = 1e18;
    }
  }
  for (char c : number) {
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '+' ||
          c == '-' || c == 'e' || c == 'E'))
      return false;
  }
  std::string buf(number);
  char* end = nullptr;
  double v = std::strtod(buf.c_str(), &end);
  if (end != buf.c_str() + buf.size() || !std::isfinite(v)) return false;
  *value = v * scale;
  return true;
}

bool parse_quantity(NodeRef node, double* value) {
  if (!node.is_scalar()) return false;
  return parse_quantity(node.str(), value);
}

}  // namespace launchlint
