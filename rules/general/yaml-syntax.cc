#include "linter/rules/rule.h"

namespace launchlint {

// Reported by the loader: a syntax or encoding error stops one document.
extern const Rule kYamlSyntax = {
    {"GEN001", "yaml-syntax", Area::General, Severity::Error,
     "The file is not valid YAML (or JSON) and part of it cannot be read."},
    nullptr};

}  // namespace launchlint
