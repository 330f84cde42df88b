import { Logger } from '@aws-lambda-powertools/logger';
import { awsFunctionPorts } from '../../lib/lambda/aws-ports.ts';
import { createSqsHandler } from '../../lib/lambda/create-sqs-handler.ts';
import { powertoolsLogger } from '../../lib/lambda/powertools-logger.ts';
import { notificationSync } from '../../lib/sync/kinds/notification.ts';

const logger = new Logger({ serviceName: 'gso-notification' });

/** Lambda entry point: Notification change queue (SQS FIFO) → validates and registers the notification, re-syncs the APIs that fold it in → status event. */
export const handler = createSqsHandler(
  notificationSync,
  () => awsFunctionPorts(powertoolsLogger(logger)),
  logger,
);
