import { Logger } from '@aws-lambda-powertools/logger';
import { awsFunctionPorts } from '../../lib/lambda/aws-ports.ts';
import { createSqsHandler } from '../../lib/lambda/create-sqs-handler.ts';
import { powertoolsLogger } from '../../lib/lambda/powertools-logger.ts';
import { documentationSync } from '../../lib/sync/kinds/documentation.ts';

const logger = new Logger({ serviceName: 'gso-documentation' });

/** Lambda entry point: Documentation change queue (SQS FIFO) → Automation API upsert/delete of the page under its portal or API → status event. */
export const handler = createSqsHandler(
  documentationSync,
  () => awsFunctionPorts(powertoolsLogger(logger)),
  logger,
);
