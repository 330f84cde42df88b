import { randomBytes } from 'node:crypto';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { CreateEventBusCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { type AwsClientConfig, createAwsClients } from '../../../lib/aws/clients.ts';
import { STATUS_EVENT_SOURCE } from '../../../lib/events/status-event.ts';

export interface AwsStackOptions {
  /** Prefix of every name, so several stacks can live in one moto server. Default: random. */
  prefix: string;
  /** Kinds that get a FIFO change queue (and its DLQ). */
  kinds: string[];
  /** Clusters that get a status queue and a rule routing their status events to it. */
  clusters: string[];
  /** Change queues' visibility timeout. */
  visibilityTimeoutSeconds: number;
  /** Deliveries before a change message moves to its DLQ. */
  maxReceiveCount: number;
  /** Change queues' `MaximumMessageSize`, matching the publisher's `maxMessageBytes` default. */
  maximumMessageSize: number;
}

export const awsStackDefaults: Omit<AwsStackOptions, 'prefix'> = {
  kinds: ['ApiV4Definition', 'ManagementContext'],
  clusters: ['dev'],
  visibilityTimeoutSeconds: 30,
  maxReceiveCount: 3,
  maximumMessageSize: 262_144,
};

export interface QueueRef {
  name: string;
  url: string;
  arn: string;
}

export interface AwsStack {
  prefix: string;
  /** Per kind: its FIFO change queue and the FIFO dead-letter queue it redrives to. */
  changeQueues: Record<string, QueueRef & { deadLetter: QueueRef }>;
  /** Per cluster: its (standard) status queue and the rule that feeds it. */
  statusQueues: Record<string, QueueRef & { ruleName: string }>;
  eventBus: { name: string; arn: string };
  table: { name: string; arn: string };
  key: { id: string; arn: string };
}

/**
 * Creates in moto what the real stack deploys, for integration tests:
 *
 * - per kind, an SQS FIFO change queue (explicit deduplication ids, so `ContentBasedDeduplication` off) with
 *   a FIFO dead-letter queue through `RedrivePolicy`;
 * - a custom EventBridge bus and, per cluster, a rule on `{ source: [STATUS_EVENT_SOURCE], detail: { cluster:
 *   [<cluster>] } }` targeting that cluster's status queue. Status queues are standard queues: status events
 *   need no order (the writer compares generations), and one FIFO group per rule would let one stuck message
 *   block the cluster. moto does deliver to FIFO targets as well (with `SqsParameters.MessageGroupId` and a
 *   content-based deduplication id) but that is not what we deploy;
 * - a DynamoDB table with string keys `pk`/`sk`, on demand;
 * - a symmetric KMS key.
 *
 * @example
 * const stack = await createAwsStack(moto.clientConfig(), { kinds: ['ApiV4Definition'], clusters: ['a', 'b'] });
 * new SqsChangePublisher({ client, queueUrls: queueUrlsOf(stack) });
 */
export async function createAwsStack(
  config: AwsClientConfig,
  options: Partial<AwsStackOptions> = {},
): Promise<AwsStack> {
  const opts: AwsStackOptions = {
    prefix: `t${randomBytes(4).toString('hex')}`,
    ...awsStackDefaults,
    ...options,
  };
  const clients = createAwsClients(config);
  try {
    const changeQueues: AwsStack['changeQueues'] = {};
    for (const kind of opts.kinds) {
      const base = `${opts.prefix}-${kind.toLowerCase()}-changes`;
      const deadLetter = await createQueue(clients.sqs, `${base}-dlq.fifo`, {
        FifoQueue: 'true',
        ContentBasedDeduplication: 'false',
        MaximumMessageSize: String(opts.maximumMessageSize),
      });
      const queue = await createQueue(clients.sqs, `${base}.fifo`, {
        FifoQueue: 'true',
        ContentBasedDeduplication: 'false',
        VisibilityTimeout: String(opts.visibilityTimeoutSeconds),
        MaximumMessageSize: String(opts.maximumMessageSize),
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: deadLetter.arn,
          maxReceiveCount: opts.maxReceiveCount,
        }),
      });
      changeQueues[kind] = { ...queue, deadLetter };
    }

    const busName = `${opts.prefix}-status`;
    const bus = await clients.eventBridge.send(new CreateEventBusCommand({ Name: busName }));
    const statusQueues: AwsStack['statusQueues'] = {};
    for (const cluster of opts.clusters) {
      const queue = await createQueue(clients.sqs, `${opts.prefix}-${cluster}-status`, {});
      const ruleName = `${opts.prefix}-${cluster}-status`;
      await clients.eventBridge.send(
        new PutRuleCommand({
          Name: ruleName,
          EventBusName: busName,
          EventPattern: JSON.stringify({ source: [STATUS_EVENT_SOURCE], detail: { cluster: [cluster] } }),
        }),
      );
      await clients.eventBridge.send(
        new PutTargetsCommand({
          Rule: ruleName,
          EventBusName: busName,
          Targets: [{ Id: 'status-queue', Arn: queue.arn }],
        }),
      );
      statusQueues[cluster] = { ...queue, ruleName };
    }

    const tableName = `${opts.prefix}-registry`;
    const table = await clients.dynamoDb.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      }),
    );

    const key = await clients.kms.send(
      new CreateKeyCommand({
        KeySpec: 'SYMMETRIC_DEFAULT',
        KeyUsage: 'ENCRYPT_DECRYPT',
        Description: `${opts.prefix} sealing`,
      }),
    );

    return {
      prefix: opts.prefix,
      changeQueues,
      statusQueues,
      eventBus: { name: busName, arn: bus.EventBusArn ?? '' },
      table: { name: tableName, arn: table.TableDescription?.TableArn ?? '' },
      key: { id: key.KeyMetadata?.KeyId ?? '', arn: key.KeyMetadata?.Arn ?? '' },
    };
  } finally {
    clients.destroy();
  }
}

/** `queueUrls` option of the change publisher for a stack. */
export function queueUrlsOf(stack: AwsStack): Record<string, string> {
  return Object.fromEntries(Object.entries(stack.changeQueues).map(([kind, queue]) => [kind, queue.url]));
}

async function createQueue(
  sqs: SQSClient,
  name: string,
  attributes: Record<string, string>,
): Promise<QueueRef> {
  const created = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  const url = created.QueueUrl ?? '';
  const described = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }),
  );
  return { name, url, arn: described.Attributes?.QueueArn ?? '' };
}
