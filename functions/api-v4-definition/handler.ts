import { Logger } from '@aws-lambda-powertools/logger';
import { awsFunctionPorts } from '../../lib/lambda/aws-ports.ts';
import { createSqsHandler } from '../../lib/lambda/create-sqs-handler.ts';
import { powertoolsLogger } from '../../lib/lambda/powertools-logger.ts';
import { apiV4DefinitionSync } from '../../lib/sync/kinds/api-v4-definition.ts';

const logger = new Logger({ serviceName: 'gso-api-v4-definition' });

/** Lambda entry point: ApiV4Definition change queue (SQS FIFO) → Automation API upsert/delete of the v4 API → status event. */
export const handler = createSqsHandler(
  apiV4DefinitionSync,
  () => awsFunctionPorts(powertoolsLogger(logger)),
  logger,
);
