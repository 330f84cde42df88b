import { Logger } from '@aws-lambda-powertools/logger';
import { awsFunctionPorts } from '../../lib/lambda/aws-ports.ts';
import { createSqsHandler } from '../../lib/lambda/create-sqs-handler.ts';
import { powertoolsLogger } from '../../lib/lambda/powertools-logger.ts';
import { portalSync } from '../../lib/sync/kinds/portal.ts';

const logger = new Logger({ serviceName: 'gso-portal' });

/** Lambda entry point: Portal change queue (SQS FIFO) → Automation API upsert/delete of the portal → status event. */
export const handler = createSqsHandler(portalSync, () => awsFunctionPorts(powertoolsLogger(logger)), logger);
