#pragma once

#include <string_view>

#include "linter/model/object.h"

namespace launchlint {

// Whether `pod` uses the Secret, ConfigMap or PersistentVolumeClaim (`kind`)
// named `name`: volumes, env valueFrom, envFrom, imagePullSecrets. Kept apart
// from attribution.cc, whose label helpers clash with the namespace model's.
bool pod_uses(const PodTemplate& pod, std::string_view kind,
              std::string_view name);

}  // namespace launchlint
