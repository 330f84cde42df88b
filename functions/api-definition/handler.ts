import { Logger } from '@aws-lambda-powertools/logger';
import { awsFunctionPorts } from '../../lib/lambda/aws-ports.ts';
import { createSqsHandler } from '../../lib/lambda/create-sqs-handler.ts';
import { powertoolsLogger } from '../../lib/lambda/powertools-logger.ts';
import { apiDefinitionSync } from '../../lib/sync/kinds/api-definition.ts';

const logger = new Logger({ serviceName: 'gso-api-definition' });

/** Lambda entry point: ApiDefinition change queue (SQS FIFO) → Management API v1 import-crd / delete of the v2 API → status event. */
export const handler = createSqsHandler(
  apiDefinitionSync,
  () => awsFunctionPorts(powertoolsLogger(logger)),
  logger,
);
