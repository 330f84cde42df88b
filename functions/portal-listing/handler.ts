import { Logger } from '@aws-lambda-powertools/logger';
import { awsFunctionPorts } from '../../lib/lambda/aws-ports.ts';
import { createSqsHandler } from '../../lib/lambda/create-sqs-handler.ts';
import { powertoolsLogger } from '../../lib/lambda/powertools-logger.ts';
import { portalListingSync } from '../../lib/sync/kinds/portal-listing.ts';

const logger = new Logger({ serviceName: 'gso-portal-listing' });

/** Lambda entry point: PortalListing change queue (SQS FIFO) → Automation API upsert/delete of the listing under its portal → status event. */
export const handler = createSqsHandler(
  portalListingSync,
  () => awsFunctionPorts(powertoolsLogger(logger)),
  logger,
);
