import { z } from 'zod';
import { buildChangeEvent, type ChangeData, ChangeEventSchema } from '../events/change-event.ts';
import { SEALED_PLACEHOLDER } from '../events/sealed.ts';
import {
  outcomeDetailType,
  type ResourceStatus,
  STATUS_EVENT_SOURCE,
  type StatusDetail,
  type StatusEvent,
  StatusEventSchema,
} from '../events/status-event.ts';
import type { Artifacts } from './artifacts.ts';

export const EVENTS_DIRECTORY = 'events';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** JSON Schema (draft 2020-12) of an event, generated from its zod schema: zod stays the source of truth. */
function jsonSchema(schema: z.ZodType, id: string, title: string): unknown {
  return { $id: id, title, ...z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) };
}

const time = new Date('2026-11-21T09:00:00.000Z');
const cluster = 'dev-eu';

/** Sample resources: small, self-written (the GKO examples stay outside the repository). */
const contextData: ChangeData = {
  cluster,
  apiVersion: 'gravitee.io/v1alpha1',
  kind: 'ManagementContext',
  metadata: {
    name: 'apim-dev',
    namespace: 'apis',
    uid: '0b6f3c1e-6a4e-4f43-9f3e-4b1d2b8f0a11',
    resourceVersion: '4711',
    generation: 1,
    finalizers: ['finalizers.gravitee.io/managementcontextdeletion'],
  },
  spec: {
    baseUrl: 'https://apim.example.com',
    organizationId: 'DEFAULT',
    environmentId: 'DEFAULT',
    auth: { bearerToken: SEALED_PLACEHOLDER },
  },
  sealed: {
    keyId: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    encryptedKey: 'AQIDAHhBc2FtcGxlLWVuY3J5cHRlZC1kYXRhLWtleQ==',
    values: [
      {
        pointer: '/spec/auth/bearerToken',
        iv: 'c2FtcGxlLWl2LTEy',
        ciphertext: 'c2FtcGxlLWNpcGhlcnRleHQtYW5kLXRhZw==',
      },
    ],
  },
};

const apiData: ChangeData = {
  cluster,
  apiVersion: 'gravitee.io/v1alpha1',
  kind: 'ApiV4Definition',
  metadata: {
    name: 'echo',
    namespace: 'apis',
    uid: '7d1e2f40-1c2b-4e5a-8f9d-0a1b2c3d4e5f',
    resourceVersion: '4712',
    generation: 2,
    finalizers: ['finalizers.gravitee.io/apidefinitiondeletion'],
  },
  spec: {
    contextRef: { name: 'apim-dev' },
    name: 'echo',
    version: '1.0',
    type: 'PROXY',
    state: 'STARTED',
    listeners: [{ type: 'HTTP', paths: [{ path: '/echo' }], entrypoints: [{ type: 'http-proxy' }] }],
    endpointGroups: [
      {
        name: 'default',
        type: 'http-proxy',
        endpoints: [
          {
            name: 'echo',
            type: 'http-proxy',
            inheritConfiguration: false,
            configuration: { target: 'https://api.example.com/echo' },
          },
        ],
      },
    ],
    plans: {
      'keyless-plan': { name: 'Keyless', security: { type: 'KEY_LESS' }, status: 'PUBLISHED' },
      'api-key-plan': { name: 'API key', security: { type: 'API_KEY' }, status: 'PUBLISHED' },
    },
  },
};

/** `ApiV4Definition` → `api-v4-definition`: the file name of a kind's samples. */
export function sampleSlug(kind: string): string {
  return kind.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

const automationUrl = 'https://apim.example.com/automation/organizations/DEFAULT/environments/DEFAULT';
const inEnvironment = { organizationId: 'DEFAULT', environmentId: 'DEFAULT' };

/**
 * One small, hand-written resource of each kind the two samples above do not cover, with the status a sync
 * of it reports: the fields its function writes, the Accepted message, and the APIM calls it makes.
 */
interface KindSample {
  kind: string;
  name: string;
  uid: string;
  finalizer: string;
  spec: Record<string, unknown>;
  status: Omit<ResourceStatus, 'errors' | 'processingStatus' | 'conditions'>;
  message: string;
  apim: StatusDetail['apim'];
}

const kindSamples: KindSample[] = [
  {
    kind: 'ApiDefinition',
    name: 'legacy-echo',
    uid: '3c9a1f52-7b1e-4d6a-9a35-2f6b8e0d1c47',
    finalizer: 'finalizers.gravitee.io/apidefinitiondeletion',
    spec: {
      contextRef: { name: 'apim-dev' },
      name: 'legacy-echo',
      version: '1.0',
      description: 'The echo API, v2 definition',
      plans: [{ name: 'Keyless', description: 'Free access', security: 'KEY_LESS' }],
      proxy: {
        virtual_hosts: [{ path: '/legacy-echo' }],
        groups: [{ endpoints: [{ name: 'echo', target: 'https://api.example.com/echo' }] }],
      },
    },
    status: {
      id: '5e2d7c1a-94b3-4f08-8a6e-1d3c5b7a9e20',
      crossId: '6f3e8d2b-a5c4-4019-9b7f-2e4d6c8b0f31',
      ...inEnvironment,
      state: 'STARTED',
      plans: { '7a4f9e3c-b6d5-412a-8c80-3f5e7d9c1a42': '8b5a0f4d-c7e6-423b-9d91-4a6f8e0d2b53' },
    },
    message: 'Synced with APIM',
    apim: [
      {
        method: 'PUT',
        url: 'https://apim.example.com/management/organizations/DEFAULT/environments/DEFAULT/apis/import-crd?dryRun=false',
        status: 200,
        wrote: true,
      },
    ],
  },
  {
    kind: 'ApiResource',
    name: 'redis-cache',
    uid: '4d0b2a63-8c2f-4e7b-8b46-3a7c9f1e2d58',
    finalizer: 'finalizers.gravitee.io/apiresource',
    spec: {
      name: 'redis-cache',
      type: 'cache-redis',
      enabled: true,
      configuration: {
        timeToLiveSeconds: 60,
        standalone: { enabled: true, host: 'redis.apis.svc', port: 6379 },
      },
    },
    status: {},
    message: 'Accepted; inlined into the APIs that reference it (no APIM call of its own)',
    apim: [],
  },
  {
    kind: 'Application',
    name: 'orders-client',
    uid: '5e1c3b74-9d30-4f8c-9c57-4b8d0a2f3e69',
    finalizer: 'finalizers.gravitee.io/applicationdeletion',
    spec: {
      contextRef: { name: 'apim-dev' },
      name: 'orders-client',
      description: 'Calls the echo API',
      settings: { app: { type: 'WEB' } },
    },
    status: { id: '9c6b1a5e-d8f7-434c-8ea2-5b7a9f1e3c64', ...inEnvironment },
    message: 'Synced with APIM',
    apim: [{ method: 'PUT', url: `${automationUrl}/applications?dryRun=false`, status: 200, wrote: true }],
  },
  {
    kind: 'Subscription',
    name: 'orders-client-echo',
    uid: '6f2d4c85-ae41-4a9d-8d68-5c9e1b3a4f7a',
    finalizer: 'finalizers.gravitee.io/subscriptions',
    spec: {
      api: { name: 'echo' },
      application: { name: 'orders-client' },
      plan: 'api-key-plan',
      endingAt: '2027-11-21T09:00:00Z',
    },
    status: {
      id: 'ad7c2b6f-e908-445d-9fb3-6c8b0a2f4d75',
      startedAt: '2026-11-21T09:00:00Z',
      endingAt: '2027-11-21T09:00:00Z',
    },
    message: 'Synced with APIM',
    apim: [{ method: 'PUT', url: `${automationUrl}/apis/apis-echo/subscriptions`, status: 200, wrote: true }],
  },
  {
    kind: 'Group',
    name: 'developers',
    uid: '7a3e5d96-bf52-4bae-9e79-6daf2c4b5a8b',
    finalizer: 'finalizers.gravitee.io/groups',
    spec: { contextRef: { name: 'apim-dev' }, name: 'developers', notifyMembers: false, members: [] },
    status: { id: 'be8d3c7a-fa19-456e-a0c4-7d9c1b3a5e86', ...inEnvironment, members: 0 },
    message: 'Synced with APIM',
    apim: [{ method: 'PUT', url: `${automationUrl}/groups?dryRun=false`, status: 200, wrote: true }],
  },
  {
    kind: 'Notification',
    name: 'api-events',
    uid: '8b4f6ea7-c063-4cbf-8f8a-7eb03d5c6b9c',
    finalizer: 'finalizers.gravitee.io/notification',
    spec: { target: 'console', eventType: 'api', console: { apiEvents: ['API_STARTED', 'API_STOPPED'] } },
    status: {},
    message: 'Accepted; folded into the APIs that reference it (no APIM call of its own)',
    apim: [],
  },
  {
    kind: 'SharedPolicyGroup',
    name: 'rate-limits',
    uid: '9c5a7fb8-d174-4dc0-9a9b-8fc14e6d7cad',
    finalizer: 'finalizers.gravitee.io/sharedpolicygroups',
    spec: {
      contextRef: { name: 'apim-dev' },
      name: 'rate-limits',
      apiType: 'PROXY',
      phase: 'REQUEST',
      steps: [
        {
          name: 'Rate limit',
          policy: 'rate-limit',
          enabled: true,
          configuration: { rate: { limit: 10, periodTime: 1, periodTimeUnit: 'MINUTES' } },
        },
      ],
    },
    status: {
      id: 'cf9e4d8b-0b2a-467f-b1d5-8e0d2c4b6f97',
      crossId: 'd0af5e9c-1c3b-4780-82e6-9f1e3d5c7a08',
      ...inEnvironment,
    },
    message: 'Synced with APIM',
    apim: [
      { method: 'PUT', url: `${automationUrl}/shared-policy-groups?dryRun=false`, status: 200, wrote: true },
    ],
  },
  {
    kind: 'Dictionary',
    name: 'regions',
    uid: 'ad6b80c9-e285-4ed1-8bac-90d25f7e8dbe',
    finalizer: 'finalizers.gravitee.io/dictionaries',
    spec: {
      contextRef: { name: 'apim-dev' },
      name: 'regions',
      type: 'MANUAL',
      deployed: true,
      manual: { properties: { eu: 'eu-west-1', us: 'us-east-1' } },
    },
    status: { id: 'e1b06fad-2d4c-4891-93f7-a02f4e6d8b19', ...inEnvironment },
    message: 'Synced with APIM',
    apim: [{ method: 'PUT', url: `${automationUrl}/dictionaries?dryRun=false`, status: 200, wrote: true }],
  },
  {
    kind: 'Portal',
    name: 'developer-portal',
    uid: 'be7c91da-f396-4fe2-9cbd-a1e36a8f9ecf',
    finalizer: 'finalizers.gravitee.io/portals',
    spec: {
      contextRef: { name: 'apim-dev' },
      name: 'Developer portal',
      structure: { topNavbar: [{ path: '/guides', displayName: 'Guides' }, { path: '/products' }] },
    },
    status: { id: 'f2c1a0be-3e5d-49a2-a408-b1305f7e9c2a', ...inEnvironment },
    message: 'Synced with APIM',
    apim: [{ method: 'PUT', url: `${automationUrl}/portals?dryRun=false`, status: 200, wrote: true }],
  },
  {
    kind: 'PortalListing',
    name: 'echo-listing',
    uid: 'cf8da2eb-04a7-4103-8dce-b2f47b90afd0',
    finalizer: 'finalizers.gravitee.io/portallistings',
    spec: {
      portalRef: { name: 'developer-portal' },
      apis: [{ ref: { name: 'echo' }, location: '/products', order: 1 }],
    },
    status: { id: '03d2b1cf-4f6e-4ab3-b519-c2416a8f0d3b', ...inEnvironment },
    message: 'Synced with APIM',
    apim: [
      {
        method: 'PUT',
        url: `${automationUrl}/portals/apis-developer-portal/listings?dryRun=false`,
        status: 200,
        wrote: true,
      },
    ],
  },
  {
    kind: 'PortalLink',
    name: 'status-page',
    uid: 'd09eb3fc-15b8-4214-9edf-c3058ca1b0e1',
    finalizer: 'finalizers.gravitee.io/portallinks',
    spec: {
      portalRef: { name: 'developer-portal' },
      name: 'Status',
      href: 'https://status.example.com',
      location: '/guides',
      order: 2,
    },
    status: { id: '14e3c2d0-5a7f-4bc4-862a-d3527b9a1e4c', ...inEnvironment },
    message: 'Synced with APIM',
    apim: [
      {
        method: 'PUT',
        url: `${automationUrl}/portals/apis-developer-portal/links?dryRun=false`,
        status: 200,
        wrote: true,
      },
    ],
  },
  {
    kind: 'Documentation',
    name: 'getting-started',
    uid: 'e1afc40d-26c9-4325-8fe0-d4169db2c1f2',
    finalizer: 'finalizers.gravitee.io/documentations',
    spec: {
      portalRef: { name: 'developer-portal' },
      name: 'Getting started',
      type: 'GRAVITEE_MARKDOWN',
      content: '# Getting started\n\nSubscribe to the echo API with an API key.\n',
      location: '/guides',
      order: 1,
    },
    status: { id: '25f4d3e1-6b80-4cd5-973b-e4638cab2f5d', ...inEnvironment },
    message: 'Synced with APIM',
    apim: [
      {
        method: 'PUT',
        url: `${automationUrl}/portals/apis-developer-portal/documentations?dryRun=false`,
        status: 200,
        wrote: true,
      },
    ],
  },
];

function sampleData(sample: KindSample): ChangeData {
  return {
    cluster,
    apiVersion: 'gravitee.io/v1alpha1',
    kind: sample.kind,
    metadata: {
      name: sample.name,
      namespace: 'apis',
      uid: sample.uid,
      resourceVersion: '4720',
      generation: 1,
      finalizers: [sample.finalizer],
    },
    spec: sample.spec,
  };
}

function statusEvent(detail: StatusDetail): StatusEvent {
  return {
    version: '0',
    id: '6a7e8f12-3b4c-5d6e-7f80-91a2b3c4d5e6',
    'detail-type': outcomeDetailType[detail.outcome],
    source: STATUS_EVENT_SOURCE,
    account: '111122223333',
    time: detail.time,
    region: 'eu-west-1',
    resources: [],
    detail,
  };
}

const conditions = (ok: boolean, reason: string, message: string, generation: number) => [
  {
    type: 'Accepted' as const,
    status: ok ? ('True' as const) : ('False' as const),
    reason,
    message,
    observedGeneration: generation,
    lastTransitionTime: time.toISOString(),
  },
  {
    type: 'ResolvedRefs' as const,
    status: 'True' as const,
    reason: 'ResolvedRefs',
    message: 'All references resolved',
    observedGeneration: generation,
    lastTransitionTime: time.toISOString(),
  },
];

const apiApplied = buildChangeEvent('applied', apiData, { time });
const apiUrl = 'https://apim.example.com/automation/organizations/DEFAULT/environments/DEFAULT/apis';

/**
 * Sample events: every change type and outcome for a ManagementContext and an ApiV4Definition, and an
 * `applied` change with its `synced` status for every other kind; a test validates each against its JSON
 * Schema and each resource against its kind's schema.
 */
export function sampleEvents(): Record<string, unknown> {
  const base = { cluster, namespace: 'apis', attempt: 1, durationMs: 182, time: time.toISOString() };
  const perKind: Record<string, unknown> = {};
  for (const sample of kindSamples) {
    const applied = buildChangeEvent('applied', sampleData(sample), { time });
    perKind[`change/${sampleSlug(sample.kind)}.applied.json`] = applied;
    perKind[`status/${sampleSlug(sample.kind)}.synced.json`] = statusEvent({
      ...base,
      kind: sample.kind,
      name: sample.name,
      uid: sample.uid,
      generation: 1,
      outcome: 'Synced',
      status: {
        ...sample.status,
        errors: { severe: [], warning: [] },
        processingStatus: 'Completed',
        conditions: conditions(true, 'Accepted', sample.message, 1),
      },
      apim: sample.apim,
      correlationId: applied.id,
    });
  }
  return {
    ...perKind,
    'change/management-context.applied.json': buildChangeEvent('applied', contextData, { time }),
    'change/management-context.deleted.json': buildChangeEvent(
      'deleted',
      {
        ...contextData,
        metadata: { ...contextData.metadata, resourceVersion: '4800', deletionTimestamp: time.toISOString() },
      },
      { time },
    ),
    'change/api-v4-definition.applied.json': apiApplied,
    'change/api-v4-definition.resync.json': buildChangeEvent('resync', apiData, {
      time,
      salt: 'context-change',
    }),
    'change/api-v4-definition.deleted.json': buildChangeEvent(
      'deleted',
      {
        ...apiData,
        metadata: { ...apiData.metadata, resourceVersion: '4900', deletionTimestamp: time.toISOString() },
      },
      { time },
    ),
    'status/management-context.synced.json': statusEvent({
      ...base,
      kind: 'ManagementContext',
      name: 'apim-dev',
      uid: contextData.metadata.uid,
      generation: 1,
      outcome: 'Synced',
      status: {
        errors: { severe: [], warning: [] },
        processingStatus: 'Completed',
        conditions: conditions(
          true,
          'Accepted',
          'APIM environment DEFAULT of organization DEFAULT reachable at https://apim.example.com with bearer credentials',
          1,
        ),
      },
      apim: [
        {
          method: 'GET',
          url: 'https://apim.example.com/management/v2/organizations/DEFAULT/environments/DEFAULT',
          status: 200,
          wrote: false,
        },
      ],
      correlationId: buildChangeEvent('applied', contextData, { time }).id,
    }),
    'status/api-v4-definition.synced.json': statusEvent({
      ...base,
      kind: 'ApiV4Definition',
      name: 'echo',
      uid: apiData.metadata.uid,
      generation: 2,
      outcome: 'Synced',
      status: {
        id: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
        crossId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
        organizationId: 'DEFAULT',
        environmentId: 'DEFAULT',
        state: 'STARTED',
        plans: {
          'keyless-plan': '1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d',
          'api-key-plan': '2b3c4d5e-6f7a-4b2c-9d3e-4f5a6b7c8d9e',
        },
        errors: { severe: [], warning: [] },
        processingStatus: 'Completed',
        conditions: conditions(true, 'Accepted', 'Synced with APIM', 2),
      },
      apim: [{ method: 'PUT', url: `${apiUrl}?dryRun=false`, status: 200, wrote: true }],
      correlationId: apiApplied.id,
    }),
    'status/api-v4-definition.sync-failed.json': statusEvent({
      ...base,
      kind: 'ApiV4Definition',
      name: 'echo',
      uid: apiData.metadata.uid,
      generation: 2,
      outcome: 'SyncFailed',
      attempt: 2,
      status: {
        errors: {
          severe: [
            `ApiV4Definition apis/echo: APIM PUT ${apiUrl} answered 503; retrying in 10s (attempt 2 of 8)`,
          ],
          warning: [],
        },
        processingStatus: 'Failed',
        conditions: conditions(
          false,
          'ApimUnavailable',
          `ApiV4Definition apis/echo: APIM PUT ${apiUrl} answered 503; retrying in 10s (attempt 2 of 8)`,
          2,
        ),
      },
      failure: {
        terminal: false,
        reason: 'ApimUnavailable',
        message: `ApiV4Definition apis/echo: APIM PUT ${apiUrl} answered 503; retrying in 10s (attempt 2 of 8)`,
        retryInSeconds: 10,
        exhausted: false,
      },
      apim: [{ method: 'PUT', url: `${apiUrl}?dryRun=false`, status: 503, wrote: false }],
      correlationId: apiApplied.id,
    }),
    'status/api-v4-definition.deleted.json': statusEvent({
      ...base,
      kind: 'ApiV4Definition',
      name: 'echo',
      uid: apiData.metadata.uid,
      generation: 2,
      outcome: 'Deleted',
      status: {
        errors: { severe: [], warning: [] },
        processingStatus: 'Completed',
        conditions: conditions(true, 'Accepted', 'Synced with APIM', 2),
      },
      apim: [{ method: 'DELETE', url: `${apiUrl}/apis-echo`, status: 204, wrote: true }],
      correlationId: buildChangeEvent(
        'deleted',
        { ...apiData, metadata: { ...apiData.metadata, resourceVersion: '4900' } },
        { time },
      ).id,
    }),
  };
}

/** `events/schemas/*.schema.json` and `events/samples/**.json`. */
export function generateEventArtifacts(): Artifacts {
  const artifacts: Artifacts = new Map();
  artifacts.set(
    `${EVENTS_DIRECTORY}/schemas/change-event.schema.json`,
    json(
      jsonSchema(
        ChangeEventSchema,
        'https://gravitee.io/operator/schemas/change-event.json',
        'Gravitee Serverless Operator change event (CloudEvents 1.0)',
      ),
    ),
  );
  artifacts.set(
    `${EVENTS_DIRECTORY}/schemas/status-event.schema.json`,
    json(
      jsonSchema(
        StatusEventSchema,
        'https://gravitee.io/operator/schemas/status-event.json',
        'Gravitee Serverless Operator status event (EventBridge envelope)',
      ),
    ),
  );
  for (const [path, event] of Object.entries(sampleEvents()))
    artifacts.set(`${EVENTS_DIRECTORY}/samples/${path}`, json(event));
  return artifacts;
}
