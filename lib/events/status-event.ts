import { z } from 'zod';

/** EventBridge `source` of every status event. */
export const STATUS_EVENT_SOURCE = 'io.gravitee.operator';

export const Outcomes = ['Synced', 'SyncFailed', 'Deleted', 'DeleteFailed'] as const;
export type Outcome = (typeof Outcomes)[number];

/** EventBridge `detail-type` per outcome: readable in the console and matchable in rules. */
export const outcomeDetailType: Record<Outcome, string> = {
  Synced: 'Resource Synced',
  SyncFailed: 'Resource Sync Failed',
  Deleted: 'Resource Deleted',
  DeleteFailed: 'Resource Delete Failed',
};

export const ConditionSchema = z.object({
  type: z.enum(['Accepted', 'ResolvedRefs']),
  status: z.enum(['True', 'False', 'Unknown']),
  reason: z.string().regex(/^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$/),
  message: z.string().max(32768),
  observedGeneration: z.number().int().nonnegative(),
  lastTransitionTime: z.iso.datetime({ offset: true }),
});
export type Condition = z.infer<typeof ConditionSchema>;

/** The status fields GKO writes on its resources, so tools that read GKO status keep working. */
export const ResourceStatusSchema = z.object({
  id: z.string().optional(),
  crossId: z.string().optional(),
  organizationId: z.string().optional(),
  environmentId: z.string().optional(),
  state: z.enum(['STARTED', 'STOPPED']).optional(),
  plans: z.record(z.string(), z.string()).optional(),
  /** Applications and APIs: how many Subscription resources currently use them. */
  subscriptions: z.number().int().nonnegative().optional(),
  /** Groups: how many members APIM holds. */
  members: z.number().int().nonnegative().optional(),
  /** Subscriptions: when APIM accepted it, and when it ends (ISO 8601). */
  startedAt: z.string().optional(),
  endingAt: z.string().optional(),
  errors: z.object({ severe: z.array(z.string()), warning: z.array(z.string()) }),
  processingStatus: z.enum(['Completed', 'Failed']),
  conditions: z.array(ConditionSchema),
});
export type ResourceStatus = z.infer<typeof ResourceStatusSchema>;

export const FailureSchema = z.object({
  terminal: z.boolean(),
  reason: z.string(),
  message: z.string(),
  /** Recoverable only: seconds until the next attempt; absent once retries are exhausted. */
  retryInSeconds: z.number().int().nonnegative().optional(),
  /** Recoverable only: true when this was the last attempt and the change went to the dead-letter queue. */
  exhausted: z.boolean(),
});
export type Failure = z.infer<typeof FailureSchema>;

/** What the function did against APIM for this change, for the audit trail and `gso dev`. */
export const ApimCallSchema = z.object({
  method: z.enum(['GET', 'PUT', 'DELETE']),
  url: z.string(),
  wrote: z.boolean(),
  status: z.number().int().optional(),
});

export const StatusDetailSchema = z.object({
  cluster: z.string().min(1),
  kind: z.string().min(1),
  namespace: z.string().min(1),
  name: z.string().min(1),
  uid: z.string().min(1),
  /** The generation this outcome is for: becomes the conditions' observedGeneration. */
  generation: z.number().int().nonnegative(),
  outcome: z.enum(Outcomes),
  status: ResourceStatusSchema,
  failure: FailureSchema.optional(),
  apim: z.array(ApimCallSchema),
  /** Id of the change event this answers. */
  correlationId: z.string().min(1),
  /** Delivery attempt of that change event (1 for the first). */
  attempt: z.number().int().positive(),
  durationMs: z.number().nonnegative(),
  time: z.iso.datetime({ offset: true }),
});
export type StatusDetail = z.infer<typeof StatusDetailSchema>;

/**
 * The status event as EventBridge delivers it to a target (an SQS queue) — the envelope the status writer
 * reads. `PutEvents` takes `Source`, `DetailType` and `Detail`; EventBridge adds the rest.
 */
export const StatusEventSchema = z.object({
  'detail-type': z.enum(Object.values(outcomeDetailType) as [string, ...string[]]),
  source: z.literal(STATUS_EVENT_SOURCE),
  detail: StatusDetailSchema,
  // Envelope fields EventBridge adds; only the three above are read, so emulators that omit some still work.
  version: z.literal('0').optional(),
  id: z.string().optional(),
  account: z.string().optional(),
  time: z.string().optional(),
  region: z.string().optional(),
  resources: z.array(z.string()).optional(),
});
export type StatusEvent = z.infer<typeof StatusEventSchema>;
