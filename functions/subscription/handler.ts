import { Logger } from '@aws-lambda-powertools/logger';
import { awsFunctionPorts } from '../../lib/lambda/aws-ports.ts';
import { createSqsHandler } from '../../lib/lambda/create-sqs-handler.ts';
import { powertoolsLogger } from '../../lib/lambda/powertools-logger.ts';
import { subscriptionSync } from '../../lib/sync/kinds/subscription.ts';

const logger = new Logger({ serviceName: 'gso-subscription' });

/** Lambda entry point: Subscription change queue (SQS FIFO) → Automation API upsert/delete of the subscription under its API → status event. */
export const handler = createSqsHandler(
  subscriptionSync,
  () => awsFunctionPorts(powertoolsLogger(logger)),
  logger,
);
