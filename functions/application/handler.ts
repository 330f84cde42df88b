import { Logger } from '@aws-lambda-powertools/logger';
import { awsFunctionPorts } from '../../lib/lambda/aws-ports.ts';
import { createSqsHandler } from '../../lib/lambda/create-sqs-handler.ts';
import { powertoolsLogger } from '../../lib/lambda/powertools-logger.ts';
import { applicationSync } from '../../lib/sync/kinds/application.ts';

const logger = new Logger({ serviceName: 'gso-application' });

/** Lambda entry point: Application change queue (SQS FIFO) → Automation API upsert/delete of the application → status event. */
export const handler = createSqsHandler(
  applicationSync,
  () => awsFunctionPorts(powertoolsLogger(logger)),
  logger,
);
