import { randomUUID } from 'node:crypto';
import type { ClusterObject } from '../../../lib/ports/cluster.ts';

/** A custom resource as the API server hands it to the watcher. */
export type KindObject = ClusterObject & { kind: string; apiVersion: string };

function customResource(
  kind: string,
  name: string,
  spec: Record<string, unknown>,
  meta: Partial<ClusterObject['metadata']>,
): KindObject {
  return {
    apiVersion: 'gravitee.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', uid: randomUUID(), resourceVersion: '1', generation: 1, ...meta },
    spec,
  };
}

/** An ApiResource: a Redis cache by default. */
export function apiResourceObject(
  name = 'redis-cache',
  spec: Record<string, unknown> = {},
  meta: Partial<ClusterObject['metadata']> = {},
): KindObject {
  return customResource(
    'ApiResource',
    name,
    {
      name: 'cache',
      type: 'cache-redis',
      enabled: true,
      configuration: { timeToLiveSeconds: 60, standalone: { enabled: true, host: 'redis', port: 6379 } },
      ...spec,
    },
    meta,
  );
}

/** A Notification for API events in the console (eventType and target written out, as in GKO's examples). */
export function notificationObject(
  name = 'api-notification',
  spec: Record<string, unknown> = {},
  meta: Partial<ClusterObject['metadata']> = {},
): KindObject {
  return customResource(
    'Notification',
    name,
    { target: 'console', eventType: 'api', console: { apiEvents: ['API_STARTED', 'API_STOPPED'] }, ...spec },
    meta,
  );
}

/** A Group synced through `dev-ctx`. */
export function groupObject(
  name = 'developers',
  spec: Record<string, unknown> = {},
  meta: Partial<ClusterObject['metadata']> = {},
): KindObject {
  return customResource(
    'Group',
    name,
    { contextRef: { name: 'dev-ctx' }, name: 'Developers', members: [], notifyMembers: false, ...spec },
    meta,
  );
}

/** A SharedPolicyGroup for the request phase of proxy APIs, synced through `dev-ctx`. */
export function sharedPolicyGroupObject(
  name = 'rate-limits',
  spec: Record<string, unknown> = {},
  meta: Partial<ClusterObject['metadata']> = {},
): KindObject {
  return customResource(
    'SharedPolicyGroup',
    name,
    {
      contextRef: { name: 'dev-ctx' },
      name: 'Rate limits',
      apiType: 'PROXY',
      phase: 'REQUEST',
      steps: [{ name: 'Rate limit', policy: 'rate-limit', enabled: true, configuration: {} }],
      ...spec,
    },
    meta,
  );
}

/** The same object at a later resourceVersion (and generation when `specChanged`), with `spec` merged in. */
export function revised(
  object: KindObject,
  spec: Record<string, unknown> = {},
  meta: Partial<ClusterObject['metadata']> = {},
): KindObject {
  const version = Number(object.metadata.resourceVersion) + 1;
  const specChanged = Object.keys(spec).length > 0;
  return {
    ...object,
    metadata: {
      ...object.metadata,
      resourceVersion: String(version),
      generation: (object.metadata.generation ?? 1) + (specChanged ? 1 : 0),
      ...meta,
    },
    spec: { ...object.spec, ...spec },
  };
}

/** The object as the API server shows it once a delete was requested: deletionTimestamp set, finalizer kept. */
export function beingDeleted(
  object: KindObject,
  finalizer = `finalizers.gravitee.io/${object.kind.toLowerCase()}`,
): KindObject {
  return {
    ...object,
    metadata: {
      ...object.metadata,
      resourceVersion: String(Number(object.metadata.resourceVersion) + 1),
      deletionTimestamp: new Date().toISOString(),
      finalizers: [...(object.metadata.finalizers ?? []), finalizer],
    },
  };
}

/** The object without one spec field (e.g. an API without `contextRef`). */
export function without(object: KindObject, field: string): KindObject {
  const { [field]: _dropped, ...spec } = object.spec as Record<string, unknown>;
  return { ...object, spec };
}
