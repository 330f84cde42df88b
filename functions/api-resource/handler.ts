import { Logger } from '@aws-lambda-powertools/logger';
import { awsFunctionPorts } from '../../lib/lambda/aws-ports.ts';
import { createSqsHandler } from '../../lib/lambda/create-sqs-handler.ts';
import { powertoolsLogger } from '../../lib/lambda/powertools-logger.ts';
import { apiResourceSync } from '../../lib/sync/kinds/api-resource.ts';

const logger = new Logger({ serviceName: 'gso-api-resource' });

/** Lambda entry point: ApiResource change queue (SQS FIFO) → validates and registers the resource, re-syncs the APIs that inline it → status event. */
export const handler = createSqsHandler(
  apiResourceSync,
  () => awsFunctionPorts(powertoolsLogger(logger)),
  logger,
);
