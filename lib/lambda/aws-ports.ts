import { type AwsClients, awsClientConfigFromEnv, createAwsClients } from '../aws/clients.ts';
import { DynamoDbRegistry } from '../aws/dynamodb-registry.ts';
import { EventBridgeStatusPublisher } from '../aws/eventbridge-status-publisher.ts';
import { KmsKeyWrapper } from '../aws/kms-key-wrapper.ts';
import { SqsChangePublisher } from '../aws/sqs-change-publisher.ts';
import { SqsDeadLetter } from '../aws/sqs-dead-letter.ts';
import { SqsRetryScheduler } from '../aws/sqs-retry-scheduler.ts';
import type { Logger } from '../log/logger.ts';
import { EnvelopeSealer } from '../sealing/envelope.ts';
import type { FunctionPorts } from './create-sqs-handler.ts';
import { functionEnvironment } from './function-config.ts';

/** The ports of a kind's function in AWS, from its environment (see {@link functionEnvironment}). */
export function awsFunctionPorts(
  logger: Logger,
  env: NodeJS.ProcessEnv = process.env,
  clients: AwsClients = createAwsClients(awsClientConfigFromEnv(env)),
): FunctionPorts {
  const config = functionEnvironment(env);
  return {
    registry: new DynamoDbRegistry({ client: clients.documentClient, tableName: config.GSO_REGISTRY_TABLE }),
    sealer: new EnvelopeSealer(new KmsKeyWrapper({ client: clients.kms, keyId: config.GSO_KMS_KEY_ID })),
    status: new EventBridgeStatusPublisher({
      client: clients.eventBridge,
      eventBusName: config.GSO_EVENT_BUS_NAME,
    }),
    changes: new SqsChangePublisher({ client: clients.sqs, queueUrls: config.GSO_CHANGE_QUEUES }),
    deadLetter: new SqsDeadLetter({ client: clients.sqs, queueUrl: config.GSO_DLQ_URL }),
    retryScheduler: new SqsRetryScheduler({ client: clients.sqs, queueUrl: config.GSO_QUEUE_URL }),
    logger,
    retry: {
      maxAttempts: config.GSO_MAX_ATTEMPTS,
      baseDelaySeconds: config.GSO_RETRY_BASE_SECONDS,
      maxDelaySeconds: config.GSO_RETRY_MAX_SECONDS,
    },
    apimOptions: { timeoutMs: config.GSO_APIM_TIMEOUT_MS },
  };
}
