import { createHash } from 'node:crypto';
import { z } from 'zod';
import { SealedBundleSchema } from './sealed.ts';

/** The three kinds of change the watcher forwards. */
export const ChangeTypes = ['applied', 'deleted', 'resync'] as const;
export type ChangeType = (typeof ChangeTypes)[number];

/** CloudEvents `type` attribute for each change type (versioned, reverse-DNS). */
export const changeEventType = (change: ChangeType) => `io.gravitee.operator.resource.${change}.v1` as const;

export const ChangeEventTypeSchema = z.enum(ChangeTypes.map(changeEventType) as [string, ...string[]]);

/** Metadata subset the functions need; labels/annotations are kept for orphaning and templating. */
export const ChangeMetadataSchema = z.object({
  name: z.string().min(1),
  namespace: z.string().min(1),
  uid: z.string().min(1),
  resourceVersion: z.string().min(1),
  generation: z.number().int().nonnegative(),
  labels: z.record(z.string(), z.string()).optional(),
  annotations: z.record(z.string(), z.string()).optional(),
  finalizers: z.array(z.string()).optional(),
  deletionTimestamp: z.string().optional(),
});

export const ChangeDataSchema = z.object({
  cluster: z.string().min(1),
  apiVersion: z.literal('gravitee.io/v1alpha1'),
  kind: z.string().min(1),
  metadata: ChangeMetadataSchema,
  /** The spec as the API server stored it, with secret values replaced by a placeholder. */
  spec: z.record(z.string(), z.unknown()),
  /** Sealed secret values (inline credentials, referenced Secrets); absent when there are none. */
  sealed: SealedBundleSchema.optional(),
  /**
   * References the watcher could not resolve (a template's Secret or ConfigMap missing, a certificate ref
   * without its key…): the function reports them instead of sending the spec with a template left in it.
   * They name the reference, never a value.
   */
  unresolved: z
    .array(
      z.object({
        field: z.string(),
        message: z.string(),
        recoverable: z.boolean(),
        reference: z.string().optional(),
      }),
    )
    .optional(),
});

/**
 * Change event, watcher → SQS: CloudEvents 1.0 in structured JSON mode.
 *
 * @example
 * {
 *   "specversion": "1.0", "id": "5f0c…", "type": "io.gravitee.operator.resource.applied.v1",
 *   "source": "//gravitee.io/operator/clusters/dev", "subject": "default/echo", "time": "2026-11-21T09:00:00Z",
 *   "datacontenttype": "application/json", "gsokind": "ApiV4Definition", "data": { … }
 * }
 */
export const ChangeEventSchema = z.object({
  specversion: z.literal('1.0'),
  id: z.string().min(1),
  type: ChangeEventTypeSchema,
  source: z.string().min(1),
  subject: z.string().min(3),
  time: z.iso.datetime({ offset: true }),
  datacontenttype: z.literal('application/json'),
  /** CloudEvents extension attribute: the resource kind, so routers need not open `data`. */
  gsokind: z.string().min(1),
  data: ChangeDataSchema,
});

export type ChangeEvent = z.infer<typeof ChangeEventSchema>;
export type ChangeData = z.infer<typeof ChangeDataSchema>;

export const clusterSource = (cluster: string) => `//gravitee.io/operator/clusters/${cluster}`;

/**
 * Event id derived from uid, resourceVersion and change type, so the same change observed twice (watch
 * restart, relist) has the same id and SQS FIFO deduplication absorbs it.
 */
export function changeEventId(uid: string, resourceVersion: string, change: ChangeType, salt = ''): string {
  return createHash('sha256')
    .update(`${uid}\n${resourceVersion}\n${change}\n${salt}`)
    .digest('hex')
    .slice(0, 40);
}

export function changeOf(event: Pick<ChangeEvent, 'type'>): ChangeType {
  const found = ChangeTypes.find((c) => changeEventType(c) === event.type);
  if (!found) throw new Error(`unknown change event type ${event.type}`);
  return found;
}

/** Builds a change event for a resource; `time` defaults to now. */
export function buildChangeEvent(
  change: ChangeType,
  data: ChangeData,
  options: { time?: Date; salt?: string } = {},
): ChangeEvent {
  return {
    specversion: '1.0',
    id: changeEventId(data.metadata.uid, data.metadata.resourceVersion, change, options.salt),
    type: changeEventType(change),
    source: clusterSource(data.cluster),
    subject: `${data.metadata.namespace}/${data.metadata.name}`,
    time: (options.time ?? new Date()).toISOString(),
    datacontenttype: 'application/json',
    gsokind: data.kind,
    data,
  };
}

/** SQS caps `MessageGroupId` at 128 characters. */
const MAX_GROUP_ID = 128;

/**
 * FIFO message group: one per object, so changes of one object are processed in order. Readable when it
 * fits SQS's limit; otherwise a readable prefix plus a hash, still one group per object.
 */
export function changeGroupId(data: Pick<ChangeData, 'cluster' | 'kind' | 'metadata'>): string {
  const id = `${data.cluster}/${data.kind}/${data.metadata.namespace}/${data.metadata.name}`;
  if (id.length <= MAX_GROUP_ID) return id;
  const hash = createHash('sha256').update(id).digest('hex').slice(0, 40);
  return `${id.slice(0, MAX_GROUP_ID - hash.length - 1)}~${hash}`;
}
