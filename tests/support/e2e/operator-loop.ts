import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import type { KubeConfig } from '@kubernetes/client-node';
import { type AwsClients, createAwsClients } from '../../../lib/aws/clients.ts';
import { KmsKeyWrapper } from '../../../lib/aws/kms-key-wrapper.ts';
import { SqsChangePublisher } from '../../../lib/aws/sqs-change-publisher.ts';
import { SqsMessageSource } from '../../../lib/aws/sqs-message-source.ts';
import { ClientNodeCluster } from '../../../lib/kube/client-node-cluster.ts';
import { awsFunctionPorts } from '../../../lib/lambda/aws-ports.ts';
import { createSqsHandler } from '../../../lib/lambda/create-sqs-handler.ts';
import type { Logger } from '../../../lib/log/logger.ts';
import { EnvelopeSealer } from '../../../lib/sealing/envelope.ts';
import { syncs } from '../../../lib/sync/syncs.ts';
import { StatusWriter, statusWriterDefaults } from '../../../lib/watcher/status-writer.ts';
import { statusFieldsByKind, watchedKinds } from '../../../lib/watcher/watched-kinds.ts';
import { Watcher, watcherDefaults } from '../../../lib/watcher/watcher.ts';
import { type AwsStack, createAwsStack, queueUrlsOf } from '../moto/aws-stack.ts';
import type { MotoClientConfig } from '../moto/moto-server.ts';
import { LambdaPoller } from './lambda-poller.ts';

export interface OperatorLoopOptions {
  /** Where the watcher and status writer talk to Kubernetes (a fake or a real API server). */
  kubeConfig: KubeConfig;
  aws: MotoClientConfig;
  cluster: string;
  logger: Logger;
  maxAttempts: number;
  /** APIM call timeout of the functions; a real APIM answers slower than the simulator. Default 3000. */
  apimTimeoutMs?: number;
  /** Prefix of the AWS resources, so two loops on one moto do not share queues. */
  prefix?: string;
  /** Called with each AWS client once created (the e2e harness records their traffic). */
  onClient?: (client: AwsClients[keyof AwsClients], label: string) => void;
}

/**
 * The operator's whole loop in one process, with the production classes: watcher and status writer on a
 * Kubernetes API server, the real AWS SDK against moto (SQS FIFO + DLQ, EventBridge rule → SQS, DynamoDB,
 * KMS), and every kind's Lambda handler (middy + Powertools batch) fed by an event-source-mapping emulator.
 * Which Kubernetes and which APIM it meets is the caller's choice.
 */
export class OperatorLoop {
  private watcher?: Watcher;
  private statusWriter?: StatusWriter;
  private readonly pollers: LambdaPoller[] = [];

  readonly stack: AwsStack;
  readonly clients: AwsClients;

  private constructor(stack: AwsStack, clients: AwsClients) {
    this.stack = stack;
    this.clients = clients;
  }

  static async start(options: OperatorLoopOptions): Promise<OperatorLoop> {
    const stack = await createAwsStack(options.aws, {
      kinds: syncs.map((sync) => sync.kind),
      clusters: [options.cluster],
      maxReceiveCount: options.maxAttempts,
      visibilityTimeoutSeconds: 30,
      ...(options.prefix ? { prefix: options.prefix } : {}),
    });
    const clients = createAwsClients(options.aws);
    if (options.onClient) {
      options.onClient(clients.sqs, 'sqs');
      options.onClient(clients.eventBridge, 'eventbridge');
      options.onClient(clients.dynamoDb, 'dynamodb');
    }
    const loop = new OperatorLoop(stack, clients);
    await loop.boot(options);
    return loop;
  }

  private async boot(options: OperatorLoopOptions): Promise<void> {
    const { stack, clients } = this;
    const { logger, cluster: clusterName } = options;
    const sealer = new EnvelopeSealer(new KmsKeyWrapper({ client: clients.kms, keyId: stack.key.id }));
    const kinds = watchedKinds();
    const cluster = new ClientNodeCluster(options.kubeConfig);
    this.watcher = new Watcher(
      cluster,
      new SqsChangePublisher({ client: clients.sqs, queueUrls: queueUrlsOf(stack) }),
      sealer,
      { ...watcherDefaults, resyncIntervalMs: 0, restartDelayMs: 100, cluster: clusterName, kinds, logger },
    );
    const statusQueue = stack.statusQueues[clusterName];
    if (!statusQueue) throw new Error(`no status queue for cluster ${clusterName}`);
    this.statusWriter = new StatusWriter(
      cluster,
      new SqsMessageSource({ client: clients.sqs, queueUrl: statusQueue.url }),
      {
        ...statusWriterDefaults,
        waitSeconds: 1,
        cluster: clusterName,
        kinds,
        statusFields: statusFieldsByKind(),
        logger,
      },
    );
    const silent = new PowertoolsLogger({ serviceName: 'e2e', logLevel: 'SILENT' });
    for (const sync of syncs) {
      const queue = stack.changeQueues[sync.kind];
      if (!queue) throw new Error(`no queue for ${sync.kind}`);
      const env = {
        ...process.env,
        ...(options.aws.endpoint ? { AWS_ENDPOINT_URL: options.aws.endpoint } : {}),
        AWS_REGION: options.aws.region,
        GSO_QUEUE_URL: queue.url,
        GSO_DLQ_URL: queue.deadLetter.url,
        GSO_CHANGE_QUEUES: JSON.stringify(queueUrlsOf(stack)),
        GSO_EVENT_BUS_NAME: stack.eventBus.name,
        GSO_REGISTRY_TABLE: stack.table.name,
        GSO_KMS_KEY_ID: stack.key.id,
        GSO_MAX_ATTEMPTS: String(options.maxAttempts),
        GSO_RETRY_BASE_SECONDS: '1',
        GSO_RETRY_MAX_SECONDS: '2',
        GSO_APIM_TIMEOUT_MS: String(options.apimTimeoutMs ?? 3000),
      };
      const handler = createSqsHandler(sync, () => awsFunctionPorts(logger, env, clients), silent);
      const poller = new LambdaPoller(clients.sqs, queue, handler, `gso-${sync.kind}`);
      this.pollers.push(poller);
      poller.start();
    }
    this.statusWriter.start();
    await this.watcher.start();
  }

  async stop(): Promise<void> {
    await this.watcher?.stop(2_000);
    await Promise.all(this.pollers.map((p) => p.stop()));
    await this.statusWriter?.stop();
    this.clients.destroy();
  }
}
