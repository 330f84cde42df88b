import { allKinds } from '../../../lib/crds/kinds.ts';
import type { KubeObject, ResourceRef } from '../fake-kube/index.ts';
import {
  apiResourceObject,
  groupObject,
  type KindObject,
  notificationObject,
  sharedPolicyGroupObject,
} from './kinds.ts';
import { apiObject } from './resources.ts';

/**
 * Hand-written manifests for the cross-kind end-to-end journeys: what a user would `kubectl apply` to the
 * fake API server (name and namespace only; the server fills uid, resourceVersion and generation).
 */

/** The fake API server coordinates of a gravitee.io kind (`Subscription` → …/subscriptions). */
export function kindRef(kind: string): Exclude<ResourceRef, string> {
  const found = allKinds().find((k) => k.kind === kind);
  if (!found) throw new Error(`no such kind: ${kind}`);
  return { group: found.group, version: found.version, plural: found.plural };
}

/** The finalizer the watcher puts on a kind. */
export function finalizerOf(kind: string): string {
  const found = allKinds().find((k) => k.kind === kind);
  if (!found) throw new Error(`no such kind: ${kind}`);
  return found.finalizer;
}

/** A factory object as a user writes it: apiVersion, kind, name, namespace and spec. */
export function manifest(object: KindObject): KubeObject {
  const { apiVersion, kind, metadata, spec } = object;
  return { apiVersion, kind, metadata: { name: metadata.name, namespace: metadata.namespace }, spec };
}

/** An Opaque Secret given as `stringData` (the server folds it into base64 `data`). */
export function secretManifest(name: string, stringData: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: 'default' }, stringData };
}

/** A published API-key plan. */
export function apiKeyPlan(name = 'API key') {
  return {
    name,
    security: { type: 'API_KEY' },
    status: 'PUBLISHED',
    type: 'API',
    mode: 'STANDARD',
    validation: 'AUTO',
  };
}

/** A published JWT plan checking tokens against a given HMAC key. */
export function jwtPlan(name = 'JWT') {
  return {
    name,
    security: {
      type: 'JWT',
      configuration: { signature: 'HMAC_HS256', publicKeyResolver: 'GIVEN_KEY', resolverParameter: 'shared' },
    },
    status: 'PUBLISHED',
    type: 'API',
    mode: 'STANDARD',
    validation: 'AUTO',
  };
}

/** A v4 proxy API on `context` whose only plans are `plans` (key → plan). */
export function apiWithPlans(name: string, context: string, plans: Record<string, unknown>): KubeObject {
  return manifest(apiObject(name, { contextRef: { name: context }, plans }));
}

/** A simple Application on `context`; a client id lets it subscribe to JWT and OAuth2 plans. */
export function applicationManifest(name: string, context: string, clientId?: string): KubeObject {
  return {
    apiVersion: 'gravitee.io/v1alpha1',
    kind: 'Application',
    metadata: { name, namespace: 'default' },
    spec: {
      contextRef: { name: context },
      name,
      description: `The ${name} application`,
      settings: { app: { type: 'WEB', ...(clientId ? { clientId } : {}) } },
    },
  };
}

/** A Subscription of `application` to the plan keyed `plan` of the ApiV4Definition `api`. */
export function subscriptionManifest(
  name: string,
  api: string,
  application: string,
  plan: string,
): KubeObject {
  return {
    apiVersion: 'gravitee.io/v1alpha1',
    kind: 'Subscription',
    metadata: { name, namespace: 'default' },
    spec: { api: { name: api }, application: { name: application }, plan },
  };
}

/** A Group of `context` named `displayName` in APIM. */
export function groupManifest(name: string, context: string, displayName: string): KubeObject {
  return manifest(groupObject(name, { contextRef: { name: context }, name: displayName }));
}

/** A request-phase SharedPolicyGroup of `context` for proxy APIs. */
export function sharedPolicyGroupManifest(name: string, context: string): KubeObject {
  return manifest(sharedPolicyGroupObject(name, { contextRef: { name: context } }));
}

/** A console Notification for API events, notifying the members of the Groups named `groupRefs`. */
export function notificationManifest(
  name: string,
  apiEvents: string[],
  groupRefs: string[] = [],
): KubeObject {
  return manifest(
    notificationObject(name, {
      console: { apiEvents, ...(groupRefs.length ? { groupRefs: groupRefs.map((g) => ({ name: g })) } : {}) },
    }),
  );
}

/** A Redis cache ApiResource whose entries live `ttlSeconds`. */
export function cacheResourceManifest(name: string, ttlSeconds: number): KubeObject {
  return manifest(
    apiResourceObject(name, {
      configuration: {
        timeToLiveSeconds: ttlSeconds,
        standalone: { enabled: true, host: 'redis', port: 6379 },
      },
    }),
  );
}

/** What {@link apiReferencingAll} points at, by resource name. */
export interface ApiReferences {
  resource: string;
  sharedPolicyGroup: string;
  group: string;
  notification: string;
}

/**
 * A v4 proxy API that references one of each: an ApiResource (`resources[].ref`), a SharedPolicyGroup
 * (a request step of its flow), a Group (`groupRefs`) and a Notification (`notificationsRefs`).
 */
export function apiReferencingAll(name: string, context: string, refs: ApiReferences): KubeObject {
  return manifest(
    apiObject(name, {
      contextRef: { name: context },
      resources: [{ ref: { name: refs.resource } }],
      flows: [
        {
          name: 'shared checks',
          enabled: true,
          request: [{ enabled: true, sharedPolicyGroupRef: { name: refs.sharedPolicyGroup } }],
        },
      ],
      groupRefs: [{ name: refs.group }],
      notificationsRefs: [{ name: refs.notification }],
    }),
  );
}

/**
 * A v4 proxy API whose description is a whole `[[ secret ]]` template and whose endpoint group sends an
 * `Authorization` header embedding one, both read from the Secret `secret` (keys `description`, `token`).
 */
export function templatedApi(name: string, context: string, secret: string): KubeObject {
  const { spec = {} } = apiObject(name);
  const endpointGroups = (spec.endpointGroups as Array<Record<string, unknown>>).map((group) => ({
    ...group,
    sharedConfiguration: {
      headers: [{ name: 'Authorization', value: `Bearer [[ secret "${secret}/token" ]]` }],
    },
  }));
  return manifest(
    apiObject(name, {
      contextRef: { name: context },
      description: `[[ secret "${secret}/description" ]]`,
      endpointGroups,
    }),
  );
}
