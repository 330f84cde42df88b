import { Logger } from '@aws-lambda-powertools/logger';
import { awsFunctionPorts } from '../../lib/lambda/aws-ports.ts';
import { createSqsHandler } from '../../lib/lambda/create-sqs-handler.ts';
import { powertoolsLogger } from '../../lib/lambda/powertools-logger.ts';
import { managementContextSync } from '../../lib/sync/kinds/management-context.ts';

const logger = new Logger({ serviceName: 'gso-management-context' });

/** Lambda entry point: ManagementContext change queue (SQS FIFO) → checks the APIM environment and credentials, re-syncs what uses the context → status event. */
export const handler = createSqsHandler(
  managementContextSync,
  () => awsFunctionPorts(powertoolsLogger(logger)),
  logger,
);
