import { z } from 'zod';
import { buildChangeEvent, type ChangeData, ChangeEventSchema } from '../events/change-event.ts';
import { SEALED_PLACEHOLDER } from '../events/sealed.ts';
import {
  outcomeDetailType,
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
          { name: 'echo', type: 'http-proxy', configuration: { target: 'https://api.example.com/echo' } },
        ],
      },
    ],
    plans: { 'keyless-plan': { name: 'Keyless', security: { type: 'KEY_LESS' }, status: 'PUBLISHED' } },
  },
};

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

/** Sample events of every kind and outcome; a test validates each against its JSON Schema. */
export function sampleEvents(): Record<string, unknown> {
  const base = { cluster, namespace: 'apis', attempt: 1, durationMs: 182, time: time.toISOString() };
  return {
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
        plans: { 'keyless-plan': '1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d' },
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
