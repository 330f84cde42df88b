import {
  type EventBridgeClient,
  PutEventsCommand,
  type PutEventsCommandOutput,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import { z } from 'zod';
import { outcomeDetailType, STATUS_EVENT_SOURCE, type StatusDetail } from '../events/status-event.ts';
import type { StatusPublisher } from '../ports/status-publisher.ts';
import { parseAdapterOptions, retrySchema, sdkClient } from './adapter-options.ts';
import { backoff } from './backoff.ts';
import { packBatches } from './batches.ts';
import { errorCode, errorMessage } from './sdk-errors.ts';

export interface EventBridgeStatusPublisherOptions {
  client: EventBridgeClient;
  /** Name (or ARN) of the custom bus the per-cluster rules listen on. */
  eventBusName: string;
  /** Attempts per entry, the first included. Default 3. */
  maxAttempts?: number;
  /** Back-off before the first resend; doubles each time up to `maxDelayMs`. Default 100. */
  baseDelayMs?: number;
  /** Default 2000. */
  maxDelayMs?: number;
}

export const eventBridgeStatusPublisherDefaults = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 2000 };

/** PutEvents limits: 10 entries and 256 KiB per request (an entry alone can be at most that). */
const MAX_ENTRIES = 10;
const MAX_REQUEST_BYTES = 262_144;

/** Entry error codes that resending cannot fix. */
const PERMANENT_CODES = new Set([
  'MalformedDetail',
  'InvalidArgument',
  'ValidationException',
  'AccessDeniedException',
  'NotAuthorizedForSourceException',
  'NotAuthorizedForDetailTypeException',
  'TooLarge',
]);

const optionsSchema = z.object({
  client: sdkClient<EventBridgeClient>('an EventBridgeClient'),
  eventBusName: z.string().min(1),
  ...retrySchema,
});

/** A status event that could not be published, and why. */
export interface LostStatus {
  detail: StatusDetail;
  code: string;
  message: string;
}

/** Thrown by {@link EventBridgeStatusPublisher.publish} when some status events were not published. */
export class StatusPublishError extends Error {
  override readonly name = 'StatusPublishError';
  readonly lost: LostStatus[];

  constructor(lost: LostStatus[], total: number, options?: ErrorOptions) {
    const listed = lost.slice(0, 10).map((l) => `  - ${describe(l.detail)}: ${l.code}: ${l.message}`);
    if (lost.length > listed.length) listed.push(`  - … and ${lost.length - listed.length} more`);
    super(`${lost.length} of ${total} status events were not published:\n${listed.join('\n')}`, options);
    this.lost = lost;
  }
}

interface Outgoing {
  detail: StatusDetail;
  entry: PutEventsRequestEntry;
  bytes: number;
}

/**
 * {@link StatusPublisher} over EventBridge: one `PutEvents` entry per status on a custom bus, `Source`
 * {@link STATUS_EVENT_SOURCE}, `DetailType` from the outcome, `Detail` the JSON {@link StatusDetail} and the
 * outcome's time as the event time. Per-cluster rules route the events to each cluster's status queue.
 *
 * Entries are sent in requests of ≤ 10 entries and ≤ 256 KiB; entries EventBridge fails (matched by index in
 * the response) are resent alone with back-off up to `maxAttempts`. What is still not published — including
 * an entry over 256 KiB on its own — is listed in the {@link StatusPublishError} thrown at the end, after
 * everything else was sent.
 *
 * @example
 * const publisher = new EventBridgeStatusPublisher({ client: eventBridge, eventBusName: 'gso-status' });
 * await publisher.publish([detail]);
 */
export class EventBridgeStatusPublisher implements StatusPublisher {
  private readonly options: z.infer<typeof optionsSchema>;

  constructor(options: EventBridgeStatusPublisherOptions) {
    this.options = parseAdapterOptions('EventBridgeStatusPublisher', optionsSchema, {
      ...eventBridgeStatusPublisherDefaults,
      ...options,
    });
  }

  async publish(details: StatusDetail[]): Promise<void> {
    const lost: LostStatus[] = [];
    const outgoing: Outgoing[] = [];
    for (const detail of details) {
      const entry: PutEventsRequestEntry = {
        EventBusName: this.options.eventBusName,
        Source: STATUS_EVENT_SOURCE,
        DetailType: outcomeDetailType[detail.outcome],
        Detail: JSON.stringify(detail),
        Time: new Date(detail.time),
        Resources: [],
      };
      const bytes = putEventsEntryBytes(entry);
      if (bytes > MAX_REQUEST_BYTES) {
        lost.push({
          detail,
          code: 'TooLarge',
          message: `status event is ${bytes} bytes, over the EventBridge limit of ${MAX_REQUEST_BYTES} bytes`,
        });
      } else {
        outgoing.push({ detail, entry, bytes });
      }
    }
    const chunks = packBatches(outgoing, {
      maxEntries: MAX_ENTRIES,
      maxBytes: MAX_REQUEST_BYTES,
      sizeOf: (o) => o.bytes,
    });
    // Status events carry no order (the writer compares generations), so chunks go out concurrently.
    const results = await Promise.all(chunks.map((chunk) => this.sendChunk(chunk)));
    lost.push(...results.flat());
    if (lost.length > 0) throw new StatusPublishError(lost, details.length);
  }

  private async sendChunk(chunk: Outgoing[]): Promise<LostStatus[]> {
    const lost: LostStatus[] = [];
    let pending = chunk;
    for (let attempt = 1; pending.length > 0; attempt++) {
      let response: PutEventsCommandOutput;
      try {
        response = await this.options.client.send(
          new PutEventsCommand({ Entries: pending.map((o) => o.entry) }),
        );
      } catch (error) {
        // The whole request failed after the SDK's own retries.
        const message = `PutEvents on ${this.options.eventBusName} failed: ${errorMessage(error)}`;
        for (const o of pending) lost.push({ detail: o.detail, code: errorCode(error), message });
        break;
      }
      const retry: Outgoing[] = [];
      const retryFailures: LostStatus[] = [];
      pending.forEach((o, index) => {
        // Response entries are in request order; an entry without EventId was not published.
        const result = response.Entries?.[index];
        if (result?.EventId && !result.ErrorCode) return;
        const failure = {
          detail: o.detail,
          code: result?.ErrorCode ?? 'NoResult',
          message: result?.ErrorMessage ?? 'EventBridge did not report on the entry',
        };
        if (PERMANENT_CODES.has(failure.code)) {
          lost.push(failure);
        } else {
          retry.push(o);
          retryFailures.push(failure);
        }
      });
      if (retry.length > 0 && attempt >= this.options.maxAttempts) {
        for (const f of retryFailures) {
          lost.push({ ...f, message: `${f.message} (gave up after ${attempt} attempts)` });
        }
        break;
      }
      if (retry.length > 0) await backoff(attempt, this.options);
      pending = retry;
    }
    return lost;
  }
}

/**
 * Size of a PutEvents entry as EventBridge counts it: 14 bytes for `Time`, plus the UTF-8 bytes of
 * `Source`, `DetailType`, `Detail` and each of `Resources`.
 *
 * @example putEventsEntryBytes({ Source: 'io.gravitee.operator', DetailType: 'Resource Synced', Detail: '{}' })
 */
export function putEventsEntryBytes(entry: PutEventsRequestEntry): number {
  let size = entry.Time ? 14 : 0;
  for (const text of [entry.Source, entry.DetailType, entry.Detail, ...(entry.Resources ?? [])]) {
    if (text) size += Buffer.byteLength(text, 'utf8');
  }
  return size;
}

function describe(detail: StatusDetail): string {
  return `${detail.kind} ${detail.namespace}/${detail.name} (cluster ${detail.cluster}, ${detail.outcome}, change ${detail.correlationId})`;
}
