import type { KubeObject } from '../fake-kube/index.ts';

/**
 * Minimal valid manifests of every GKO kind, as a user would `kubectl apply` them (no uid, no
 * resourceVersion, namespace `default`): enough for the admission rules, the CRD contract and the APIM
 * simulator to accept them. Hand-written; `spec` is merged over the defaults (top-level keys replaced).
 */
export type Manifest = KubeObject & { spec: Record<string, unknown> };

function manifest(kind: string, name: string, spec: Record<string, unknown>): Manifest {
  return { apiVersion: 'gravitee.io/v1alpha1', kind, metadata: { name, namespace: 'default' }, spec };
}

/** A simple (non-OAuth) web Application of the context. */
export function applicationManifest(
  name: string,
  context: string,
  spec: Record<string, unknown> = {},
): Manifest {
  return manifest('Application', name, {
    contextRef: { name: context },
    name: `${name} app`,
    description: 'Checkout front end',
    settings: { app: { type: 'WEB' } },
    ...spec,
  });
}

/** A Subscription of `application` to the plan `plan` of the v4 API `api`. */
export function subscriptionManifest(
  name: string,
  refs: { api: string; application: string; plan: string },
  spec: Record<string, unknown> = {},
): Manifest {
  return manifest('Subscription', name, {
    api: { name: refs.api },
    application: { name: refs.application },
    plan: refs.plan,
    ...spec,
  });
}

/** Plans of a v4 API that takes subscriptions: one published API-key plan under the key `api-key`. */
export function apiKeyPlans(): Record<string, unknown> {
  return {
    'api-key': {
      name: 'API key',
      security: { type: 'API_KEY' },
      status: 'PUBLISHED',
      type: 'API',
      mode: 'STANDARD',
      validation: 'AUTO',
    },
  };
}

/** A Group without members (the simulator knows no users). */
export function groupManifest(name: string, context: string, spec: Record<string, unknown> = {}): Manifest {
  return manifest('Group', name, {
    contextRef: { name: context },
    name: 'Payments squad',
    members: [],
    notifyMembers: false,
    ...spec,
  });
}

/** Console notifications for two API events. */
export function notificationManifest(name: string, spec: Record<string, unknown> = {}): Manifest {
  return manifest('Notification', name, {
    target: 'console',
    eventType: 'api',
    console: { apiEvents: ['API_STARTED', 'API_STOPPED'] },
    ...spec,
  });
}

/** A request-phase SharedPolicyGroup for proxy APIs with one header-stripping step. */
export function sharedPolicyGroupManifest(
  name: string,
  context: string,
  spec: Record<string, unknown> = {},
): Manifest {
  return manifest('SharedPolicyGroup', name, {
    contextRef: { name: context },
    name: 'Strip tracking headers',
    apiType: 'PROXY',
    phase: 'REQUEST',
    steps: [
      {
        name: 'Drop X-Tracking-Id',
        policy: 'transform-headers',
        enabled: true,
        configuration: { removeHeaders: ['X-Tracking-Id'] },
      },
    ],
    ...spec,
  });
}

/** A deployed MANUAL Dictionary with two entries. */
export function dictionaryManifest(
  name: string,
  context: string,
  spec: Record<string, unknown> = {},
): Manifest {
  return manifest('Dictionary', name, {
    contextRef: { name: context },
    name: 'Country codes',
    type: 'MANUAL',
    deployed: true,
    manual: { properties: { fr: 'France', jp: 'Japan' } },
    ...spec,
  });
}

/** A next-gen Portal of the context, without navigation. */
export function portalManifest(name: string, context: string, spec: Record<string, unknown> = {}): Manifest {
  return manifest('Portal', name, { contextRef: { name: context }, name: 'Partner portal', ...spec });
}

/** A PortalListing publishing the v4 APIs `apis` at the portal's root. */
export function portalListingManifest(
  name: string,
  portal: string,
  apis: string[],
  spec: Record<string, unknown> = {},
): Manifest {
  return manifest('PortalListing', name, {
    portalRef: { name: portal },
    apis: apis.map((api, order) => ({ ref: { name: api }, location: '/', order })),
    ...spec,
  });
}

/** An external PortalLink of the portal. */
export function portalLinkManifest(
  name: string,
  portal: string,
  spec: Record<string, unknown> = {},
): Manifest {
  return manifest('PortalLink', name, {
    portalRef: { name: portal },
    name: 'Service status',
    href: 'https://status.example.com',
    ...spec,
  });
}

/** A Markdown Documentation page of a portal (`{ portalRef }`) or of a v4 API (`{ apiRef }`). */
export function documentationManifest(
  name: string,
  parent: { portalRef: { name: string } } | { apiRef: { name: string } },
  spec: Record<string, unknown> = {},
): Manifest {
  return manifest('Documentation', name, {
    ...parent,
    name: 'Getting started',
    type: 'GRAVITEE_MARKDOWN',
    content: '# Getting started\n\nAsk for an API key, then call the API.',
    ...spec,
  });
}

/** An in-memory cache ApiResource. */
export function apiResourceManifest(name: string, spec: Record<string, unknown> = {}): Manifest {
  return manifest('ApiResource', name, {
    name: 'token-cache',
    type: 'cache',
    enabled: true,
    configuration: { timeToLiveSeconds: 120, maxEntriesLocalHeap: 500 },
    ...spec,
  });
}

/** A v2 ApiDefinition with one keyless plan, proxying `/<name>` to one backend. */
export function apiV2Manifest(name: string, context: string, spec: Record<string, unknown> = {}): Manifest {
  return manifest('ApiDefinition', name, {
    contextRef: { name: context },
    name: `${name} v2`,
    version: '2.1',
    description: 'Legacy v2 proxy',
    proxy: {
      virtual_hosts: [{ path: `/${name}-v2` }],
      groups: [{ name: 'default', endpoints: [{ name: 'backend', target: 'https://legacy.example.com' }] }],
    },
    plans: [{ name: 'Free', description: 'Open to everyone', security: 'KEY_LESS' }],
    ...spec,
  });
}
