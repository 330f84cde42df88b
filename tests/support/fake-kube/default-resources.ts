import { normalizeNamespace, normalizeSecret, prepareNamespace } from './builtin-defaults.ts';
import { builtinResource, customResource, type ResourceDefinition } from './resource-definition.ts';

/** Field selectors the real server supports on core/v1 events (beyond metadata.name/namespace). */
const coreEventFields = {
  'involvedObject.kind': 'involvedObject.kind',
  'involvedObject.namespace': 'involvedObject.namespace',
  'involvedObject.name': 'involvedObject.name',
  'involvedObject.uid': 'involvedObject.uid',
  'involvedObject.apiVersion': 'involvedObject.apiVersion',
  'involvedObject.resourceVersion': 'involvedObject.resourceVersion',
  'involvedObject.fieldPath': 'involvedObject.fieldPath',
  reason: 'reason',
  reportingComponent: 'reportingComponent',
  source: 'source.component',
  type: 'type',
};

/** Field selectors the real server supports on events.k8s.io/v1 events. */
const eventsV1Fields = {
  'regarding.kind': 'regarding.kind',
  'regarding.namespace': 'regarding.namespace',
  'regarding.name': 'regarding.name',
  'regarding.uid': 'regarding.uid',
  'regarding.apiVersion': 'regarding.apiVersion',
  'regarding.resourceVersion': 'regarding.resourceVersion',
  'regarding.fieldPath': 'regarding.fieldPath',
  reason: 'reason',
  reportingController: 'reportingController',
  type: 'type',
};

/**
 * Resources every {@link FakeKubeServer} serves unless told otherwise. Adding a resource is one line;
 * the flags each helper sets mirror the real server's per-type behaviour.
 */
export const DEFAULT_RESOURCES: readonly ResourceDefinition[] = [
  customResource('gravitee.io/v1alpha1', 'ManagementContext', 'managementcontexts'),
  customResource('gravitee.io/v1alpha1', 'ApiV4Definition', 'apiv4definitions'),
  builtinResource('v1', 'Secret', 'secrets', {
    normalize: normalizeSecret,
    selectableFields: { type: 'type' },
  }),
  builtinResource('v1', 'ConfigMap', 'configmaps', { shortNames: ['cm'] }),
  builtinResource('v1', 'Event', 'events', {
    allowCreateOnUpdate: true,
    shortNames: ['ev'],
    selectableFields: coreEventFields,
  }),
  builtinResource('v1', 'Namespace', 'namespaces', {
    namespaced: false,
    statusSubresource: true,
    nameFormat: 'label',
    shortNames: ['ns'],
    prepareForCreate: prepareNamespace,
    normalize: normalizeNamespace,
    selectableFields: { 'status.phase': 'status.phase' },
  }),
  builtinResource('events.k8s.io/v1', 'Event', 'events', {
    allowCreateOnUpdate: true,
    shortNames: ['ev'],
    selectableFields: eventsV1Fields,
  }),
  builtinResource('coordination.k8s.io/v1', 'Lease', 'leases', { allowCreateOnUpdate: true }),
];
