/**
 * Fake Kubernetes API server for tests: real HTTP protocol, driven through the real
 * `@kubernetes/client-node`. Start with {@link FakeKubeServer}.
 */
export { DEFAULT_RESOURCES } from './default-resources.ts';
export { FakeKubeServer, type FakeKubeServerOptions } from './fake-kube-server.ts';
export type { FaultSpec } from './fault-injector.ts';
export type { KubeObject, ObjectMeta } from './kube-object.ts';
export { type KubeStatus, KubeStatusError } from './kube-status.ts';
export { APPLY_PATCH, JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH } from './patch-object.ts';
export type { RecordedRequest } from './request-log.ts';
export {
  builtinResource,
  customResource,
  type ResourceDefinition,
  type ResourceOptions,
} from './resource-definition.ts';
export { type ResourceRef, UnknownResourceError } from './resource-registry.ts';
export { waitUntil } from './wait-until.ts';
