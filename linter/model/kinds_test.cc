#include "linter/model/kinds.h"

#include <doctest/doctest.h>

#include "linter/model/quantity.h"

namespace launchlint {

TEST_CASE("cluster-scoped table is sorted and answers") {
  CHECK(cluster_scoped_table_sorted());
  CHECK(is_cluster_scoped_kind("rbac.authorization.k8s.io", "ClusterRole"));
  CHECK(is_cluster_scoped_kind("", "Namespace"));
  CHECK_FALSE(is_cluster_scoped_kind("rbac.authorization.k8s.io", "Role"));
  CHECK_FALSE(is_cluster_scoped_kind("apps", "Deployment"));
}

TEST_CASE("quantities") {
  double v = 0;
  CHECK(parse_quantity("500m", &v));
  CHECK(v == doctest::Approx(0.5));
  CHECK(parse_quantity("1Gi", &v));
  CHECK(v == 1073741824.0);
  CHECK(parse_quantity("2", &v));
  CHECK(v == 2.0);
  CHECK(parse_quantity("1e3", &v));
  CHECK(v == 1000.0);
  CHECK(parse_quantity("1.5G", &v));
  CHECK(v == 1.5e9);
  CHECK_FALSE(parse_quantity("abc", &v));
  CHECK_FALSE(parse_quantity("", &v));
  CHECK_FALSE(parse_quantity("1Gb", &v));
}

}  // namespace launchlint
