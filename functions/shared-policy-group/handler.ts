import { Logger } from '@aws-lambda-powertools/logger';
import { awsFunctionPorts } from '../../lib/lambda/aws-ports.ts';
import { createSqsHandler } from '../../lib/lambda/create-sqs-handler.ts';
import { powertoolsLogger } from '../../lib/lambda/powertools-logger.ts';
import { sharedPolicyGroupSync } from '../../lib/sync/kinds/shared-policy-group.ts';

const logger = new Logger({ serviceName: 'gso-shared-policy-group' });

/** Lambda entry point: SharedPolicyGroup change queue (SQS FIFO) → Automation API upsert/delete of the shared policy group → status event. */
export const handler = createSqsHandler(
  sharedPolicyGroupSync,
  () => awsFunctionPorts(powertoolsLogger(logger)),
  logger,
);
