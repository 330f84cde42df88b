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
    return processPartialResponse(
      event,
      (record: SQSRecord) => handleSqsRecord(record, sync, resolved),
      processor,
      {
        context,
        skipGroupOnError: true,
        throwOnFullBatchFailure: false,
      },
    );
  };
  return middy(base).use(injectLambdaContext(logger, { resetKeys: true }));
}
