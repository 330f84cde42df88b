import { Logger } from '@aws-lambda-powertools/logger';
import { awsFunctionPorts } from '../../lib/lambda/aws-ports.ts';
import { createSqsHandler } from '../../lib/lambda/create-sqs-handler.ts';
import { powertoolsLogger } from '../../lib/lambda/powertools-logger.ts';
import { groupSync } from '../../lib/sync/kinds/group.ts';

const logger = new Logger({ serviceName: 'gso-group' });

/** Lambda entry point: Group change queue (SQS FIFO) → Automation API upsert/delete of the group → status event. */
export const handler = createSqsHandler(groupSync, () => awsFunctionPorts(powertoolsLogger(logger)), logger);
