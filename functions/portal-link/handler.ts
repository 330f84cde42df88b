import { Logger } from '@aws-lambda-powertools/logger';
import { awsFunctionPorts } from '../../lib/lambda/aws-ports.ts';
import { createSqsHandler } from '../../lib/lambda/create-sqs-handler.ts';
import { powertoolsLogger } from '../../lib/lambda/powertools-logger.ts';
import { portalLinkSync } from '../../lib/sync/kinds/portal-link.ts';

const logger = new Logger({ serviceName: 'gso-portal-link' });

/** Lambda entry point: PortalLink change queue (SQS FIFO) → Automation API upsert/delete of the link under its portal → status event. */
export const handler = createSqsHandler(
  portalLinkSync,
  () => awsFunctionPorts(powertoolsLogger(logger)),
  logger,
);
