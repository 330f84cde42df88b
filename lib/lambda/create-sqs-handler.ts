import { processPartialResponse, SqsFifoPartialProcessorAsync } from '@aws-lambda-powertools/batch';
import type { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { RetryScheduler } from '../ports/retry-scheduler.ts';
import type { KindSync } from '../sync/kind-sync.ts';
import { type ProcessPorts, processChange } from '../sync/process-change.ts';

/** Thrown for a record that must be retried: makes Powertools report it as a batch item failure. */
export class RetryLaterError extends Error {
  override readonly name = 'RetryLaterError';
  /** When the record becomes visible again. */
  readonly delaySeconds: number;
  constructor(message: string, delaySeconds: number) {
    super(message);
    this.delaySeconds = delaySeconds;
  }
}

export type FunctionPorts = ProcessPorts & { retryScheduler: RetryScheduler };

/**
 * The record handler of a kind's function: a plain function of (record, ports), so tests call it without
 * Lambda. A record to retry gets its visibility set to the back-off delay, then fails.
 */
export async function handleSqsRecord(
  record: SQSRecord,
  sync: KindSync,
  ports: FunctionPorts,
): Promise<void> {
  const attempt = Number(record.attributes?.ApproximateReceiveCount ?? '1') || 1;
  const outcome = await processChange(record.body, attempt, sync, ports);
  if (outcome.action === 'retry') {
    await ports.retryScheduler.postpone(record.receiptHandle, outcome.delaySeconds);
    throw new RetryLaterError(
      `${record.messageId}: ${outcome.status.failure?.message ?? 'retry'} (visible again in ${outcome.delaySeconds}s)`,
      outcome.delaySeconds,
    );
  }
}

/**
 * Builds the Lambda handler of a kind: middy chain with the Powertools logger context, SQS FIFO partial
 * batch processing where a failed record blocks only its own message group, and ports created once per
 * container (lazily, so import has no side effects).
 *
 * @example
 * export const handler = createSqsHandler(apiV4DefinitionSync, () => awsPortsFromEnvironment(logger), logger);
 */
export function createSqsHandler(sync: KindSync, makePorts: () => FunctionPorts, logger: PowertoolsLogger) {
  let ports: FunctionPorts | undefined;
  const processor = new SqsFifoPartialProcessorAsync();
  const base = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    ports ??= makePorts();
    const resolved = ports;
    const handled = new Set<string>();
    const groupDelays = new Map<string, number>();
    const response = await processPartialResponse(
      event,
      async (record: SQSRecord) => {
        handled.add(record.messageId);
        try {
          await handleSqsRecord(record, sync, resolved);
        } catch (error) {
          groupDelays.set(groupOf(record), error instanceof RetryLaterError ? error.delaySeconds : 0);
          throw error;
        }
      },
      processor,
      {
        context,
        skipGroupOnError: true,
        throwOnFullBatchFailure: false,
      },
    );
    await releaseSkipped(event, response, handled, groupDelays, resolved.retryScheduler);
    return response;
  };
  return middy(base).use(injectLambdaContext(logger, { resetKeys: true }));
}

const groupOf = (record: SQSRecord) => record.attributes?.MessageGroupId ?? '';

/**
 * Records skipped because an earlier record of their FIFO group failed come back with that record (same
 * delay), not after the queue's whole visibility timeout: FIFO order still holds, since SQS delivers a group's
 * next message only after the one before it.
 */
async function releaseSkipped(
  event: SQSEvent,
  response: SQSBatchResponse,
  handled: Set<string>,
  groupDelays: Map<string, number>,
  scheduler: RetryScheduler,
): Promise<void> {
  for (const failure of response.batchItemFailures) {
    if (handled.has(failure.itemIdentifier)) continue;
    const record = event.Records.find((r) => r.messageId === failure.itemIdentifier);
    if (!record) continue;
    await scheduler.postpone(record.receiptHandle, groupDelays.get(groupOf(record)) ?? 0);
  }
}
