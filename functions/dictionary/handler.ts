import { Logger } from '@aws-lambda-powertools/logger';
import { awsFunctionPorts } from '../../lib/lambda/aws-ports.ts';
import { createSqsHandler } from '../../lib/lambda/create-sqs-handler.ts';
import { powertoolsLogger } from '../../lib/lambda/powertools-logger.ts';
import { dictionarySync } from '../../lib/sync/kinds/dictionary.ts';

const logger = new Logger({ serviceName: 'gso-dictionary' });

/** Lambda entry point: Dictionary change queue (SQS FIFO) → Automation API upsert/delete of the dictionary → status event. */
export const handler = createSqsHandler(
  dictionarySync,
  () => awsFunctionPorts(powertoolsLogger(logger)),
  logger,
);
