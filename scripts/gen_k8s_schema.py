#!/usr/bin/env python3
"""Turns the Kubernetes OpenAPI v2 document into schemas/kubernetes.json.

usage: scripts/gen_k8s_schema.py SWAGGER_JSON OUTPUT_JSON
  e.g. scripts/gen_k8s_schema.py ../shared/k8s-openapi/swagger.json schemas/kubernetes.json
  (or: cmake --build build --target regen-k8s-schema)

The output is committed, so builds never need the swagger file. It keeps
what validation needs and drops the rest (descriptions, patch strategies):
  kinds:        [group, version, kind, definition] from x-kubernetes-group-version-kind
  definitions:  name -> schema using type, properties, required, items,
                additionalProperties, enum, $ref (a definition name), and
                the CRD structural-schema markers x-kubernetes-int-or-string
                and x-kubernetes-preserve-unknown-fields, plus
                x-launchlint-quantity for resource.Quantity and
                x-launchlint-empty-enum ("" means unset, as for Go strings).
The v2 document carries no enums, so the enums of well-known fields come
from ENUMS below (values from the Kubernetes API reference).
"""
import json
import sys

QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity'
INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString'

ENUMS = {
    ('io.k8s.api.core.v1.Container', 'imagePullPolicy'): ['Always', 'IfNotPresent', 'Never'],
    ('io.k8s.api.core.v1.Container', 'terminationMessagePolicy'): ['File', 'FallbackToLogsOnError'],
    ('io.k8s.api.core.v1.EphemeralContainer', 'imagePullPolicy'): ['Always', 'IfNotPresent', 'Never'],
    ('io.k8s.api.core.v1.PodSpec', 'restartPolicy'): ['Always', 'OnFailure', 'Never'],
    ('io.k8s.api.core.v1.PodSpec', 'dnsPolicy'): ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
    ('io.k8s.api.core.v1.PodSpec', 'preemptionPolicy'): ['Never', 'PreemptLowerPriority'],
    ('io.k8s.api.core.v1.ContainerPort', 'protocol'): ['TCP', 'UDP', 'SCTP'],
    ('io.k8s.api.core.v1.ServicePort', 'protocol'): ['TCP', 'UDP', 'SCTP'],
    ('io.k8s.api.core.v1.ServiceSpec', 'type'): ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
    ('io.k8s.api.core.v1.ServiceSpec', 'sessionAffinity'): ['ClientIP', 'None'],
    ('io.k8s.api.core.v1.ServiceSpec', 'externalTrafficPolicy'): ['Cluster', 'Local'],
    ('io.k8s.api.core.v1.ServiceSpec', 'internalTrafficPolicy'): ['Cluster', 'Local'],
    ('io.k8s.api.core.v1.ServiceSpec', 'ipFamilyPolicy'): ['SingleStack', 'PreferDualStack', 'RequireDualStack'],
    ('io.k8s.api.core.v1.Toleration', 'operator'): ['Exists', 'Equal'],
    ('io.k8s.api.core.v1.Toleration', 'effect'): ['NoSchedule', 'PreferNoSchedule', 'NoExecute'],
    ('io.k8s.api.core.v1.Taint', 'effect'): ['NoSchedule', 'PreferNoSchedule', 'NoExecute'],
    ('io.k8s.api.core.v1.NodeSelectorRequirement', 'operator'): ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'],
    ('io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement', 'operator'): ['In', 'NotIn', 'Exists', 'DoesNotExist'],
    ('io.k8s.api.core.v1.TopologySpreadConstraint', 'whenUnsatisfiable'): ['DoNotSchedule', 'ScheduleAnyway'],
    ('io.k8s.api.core.v1.HTTPGetAction', 'scheme'): ['HTTP', 'HTTPS'],
    ('io.k8s.api.core.v1.PersistentVolumeClaimSpec', 'volumeMode'): ['Block', 'Filesystem'],
    ('io.k8s.api.apps.v1.DeploymentStrategy', 'type'): ['Recreate', 'RollingUpdate'],
    ('io.k8s.api.apps.v1.StatefulSetSpec', 'podManagementPolicy'): ['OrderedReady', 'Parallel'],
    ('io.k8s.api.apps.v1.StatefulSetUpdateStrategy', 'type'): ['RollingUpdate', 'OnDelete'],
    ('io.k8s.api.apps.v1.DaemonSetUpdateStrategy', 'type'): ['RollingUpdate', 'OnDelete'],
    ('io.k8s.api.batch.v1.JobSpec', 'completionMode'): ['NonIndexed', 'Indexed'],
    ('io.k8s.api.batch.v1.CronJobSpec', 'concurrencyPolicy'): ['Allow', 'Forbid', 'Replace'],
    ('io.k8s.api.networking.v1.HTTPIngressPath', 'pathType'): ['Exact', 'Prefix', 'ImplementationSpecific'],
    ('io.k8s.api.autoscaling.v2.MetricSpec', 'type'): ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'],
    ('io.k8s.api.autoscaling.v2.MetricTarget', 'type'): ['AverageValue', 'Utilization', 'Value'],
    ('io.k8s.api.policy.v1.PodDisruptionBudgetSpec', 'unhealthyPodEvictionPolicy'): ['IfHealthyBudget', 'AlwaysAllow'],
}
# Items of string arrays.
ITEM_ENUMS = {
    ('io.k8s.api.core.v1.PersistentVolumeClaimSpec', 'accessModes'): ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
}


def compact(schema):
    out = {}
    ref = schema.get('$ref')
    if ref:
        name = ref.split('/')[-1]
        if name == INT_OR_STRING:
            return {'x-kubernetes-int-or-string': True}
        if name == QUANTITY:
            return {'x-launchlint-quantity': True}
        return {'$ref': name}
    t = schema.get('type')
    props = schema.get('properties')
    add = schema.get('additionalProperties')
    if t:
        out['type'] = t
    if t == 'string' and schema.get('format') == 'int-or-string':
        return {'x-kubernetes-int-or-string': True}
    if props:
        out['properties'] = {k: compact(v) for k, v in sorted(props.items())}
    if schema.get('required'):
        out['required'] = sorted(schema['required'])
    if isinstance(schema.get('items'), dict):
        out['items'] = compact(schema['items'])
    if isinstance(add, dict):
        out['additionalProperties'] = compact(add)
    elif add is True:
        out['additionalProperties'] = {}
    if t in (None, 'object') and not props and add is None:
        # Free-form: RawExtension, JSON, FieldsV1 and the like.
        out = {'x-kubernetes-preserve-unknown-fields': True}
    return out


def main():
    src, dst = sys.argv[1], sys.argv[2]
    defs = json.load(open(src))['definitions']
    kinds = []
    out_defs = {}
    for name in sorted(defs):
        schema = defs[name]
        for gvk in schema.get('x-kubernetes-group-version-kind', []):
            if name.startswith('io.k8s.apimachinery.pkg.apis.meta.'):
                continue  # DeleteOptions, WatchEvent...: API plumbing
            kinds.append([gvk['group'], gvk['version'], gvk['kind'], name])
        if name in (QUANTITY, INT_OR_STRING):
            continue
        out_defs[name] = compact(schema)
    for (name, field), values in ENUMS.items():
        prop = out_defs[name]['properties'][field]
        prop['enum'] = values
        prop['x-launchlint-empty-enum'] = True
    for (name, field), values in ITEM_ENUMS.items():
        out_defs[name]['properties'][field]['items']['enum'] = values
    kinds.sort()
    with open(dst, 'w') as f:
        f.write('{"source":"Kubernetes release-1.36 OpenAPI v2 (kubernetes-client/javascript '
                '072811b3615b6d97a56448c89f6674574cebd0bb), by scripts/gen_k8s_schema.py",\n')
        f.write('"kinds":[\n')
        f.write(',\n'.join(json.dumps(k, separators=(',', ':')) for k in kinds))
        f.write('],\n"definitions":{\n')
        f.write(',\n'.join(json.dumps(n) + ':' + json.dumps(s, separators=(',', ':'))
                           for n, s in sorted(out_defs.items())))
        f.write('}}\n')


if __name__ == '__main__':
    main()
