#include "linter/model/api_versions.h"

#include <doctest/doctest.h>

#include "linter/lint/lint.h"

namespace launchlint {

TEST_CASE("kube versions parse to their minor") {
  int minor = 0;
  CHECK(parse_kube_version("1.29", &minor));
  CHECK(minor == 29);
  CHECK(parse_kube_version("v1.25.3", &minor));
  CHECK(minor == 25);
  CHECK_FALSE(parse_kube_version("2.1", &minor));
  CHECK_FALSE(parse_kube_version("1.x", &minor));
  CHECK_FALSE(parse_kube_version("", &minor));
}

TEST_CASE("API removals are looked up by version and kind") {
  const ApiRemoval* pdb =
      find_api_removal("policy/v1beta1", "PodDisruptionBudget");
  REQUIRE(pdb);
  CHECK(pdb->removed_minor == 25);
  CHECK(pdb->replacement == "policy/v1");
  const ApiRemoval* ingress = find_api_removal("extensions/v1beta1", "Ingress");
  REQUIRE(ingress);
  CHECK(ingress->removed_minor == 22);
  CHECK(find_api_removal("extensions/v1beta1", "Deployment")->removed_minor ==
        16);
  CHECK(find_api_removal("rbac.authorization.k8s.io/v1beta1", "Role"));
  CHECK(find_api_removal("coordination.k8s.io/v1beta1", "Lease"));
  // Kinds added to an old group version later are still served.
  CHECK_FALSE(find_api_removal("coordination.k8s.io/v1beta1", "LeaseCandidate"));
  CHECK_FALSE(find_api_removal("networking.k8s.io/v1beta1", "ServiceCIDR"));
  CHECK_FALSE(find_api_removal("apps/v1", "Deployment"));
  CHECK_FALSE(find_api_removal("v1", "Service"));
}

TEST_CASE("the target version decides removed or deprecated") {
  const char* pdb = R"(apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata: {name: p}
spec: {maxUnavailable: 1, selector: {matchLabels: {app: a}}}
)";
  auto ids = [&](int minor) {
    LintOptions options;
    options.settings.kube_minor = minor;
    std::string out;
    for (const Finding& f : lint_texts({{"p.yaml", pdb}}, options).findings) {
      if (f.rule->id.starts_with("GEN00")) out += std::string(f.rule->id) + " ";
    }
    return out;
  };
  CHECK(ids(20) == "");         // before the deprecation
  CHECK(ids(21) == "GEN004 ");  // deprecated in 1.21
  CHECK(ids(24) == "GEN004 ");
  CHECK(ids(25) == "GEN003 ");  // removed in 1.25
  CHECK(ids(kNewestKubeMinor) == "GEN003 ");
}

}  // namespace launchlint
