import { KubeConfig } from '@kubernetes/client-node';
import { awsClientConfigFromEnv, createAwsClients } from '../aws/clients.ts';
import { KmsKeyWrapper } from '../aws/kms-key-wrapper.ts';
import { SqsChangePublisher } from '../aws/sqs-change-publisher.ts';
import { SqsMessageSource } from '../aws/sqs-message-source.ts';
import { ClientNodeCluster } from '../kube/client-node-cluster.ts';
import { JsonLogger } from '../log/logger.ts';
import { EnvelopeSealer } from '../sealing/envelope.ts';
import { startHealthServer } from './health-server.ts';
import { StatusWriter, statusWriterDefaults } from './status-writer.ts';
import { statusFieldsByKind, watchedKinds } from './watched-kinds.ts';
import { Watcher, watcherDefaults } from './watcher.ts';
import { watcherEnvironment } from './watcher-config.ts';

/**
 * The in-cluster process: watcher + status writer + health endpoints. On SIGTERM it stops watching, sends
 * what is pending, finishes the status batch in hand, then exits.
 */
export async function runWatcher(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = watcherEnvironment(env);
  const logger = new JsonLogger({
    service: 'gso-watcher',
    cluster: config.GSO_CLUSTER,
    level: config.GSO_LOG_LEVEL,
  });
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromDefault();
  const cluster = new ClientNodeCluster(kubeConfig);
  const aws = createAwsClients(awsClientConfigFromEnv(env));
  const kinds = watchedKinds();
  const watcher = new Watcher(
    cluster,
    new SqsChangePublisher({ client: aws.sqs, queueUrls: config.GSO_CHANGE_QUEUES }),
    new EnvelopeSealer(new KmsKeyWrapper({ client: aws.kms, keyId: config.GSO_KMS_KEY_ID })),
    {
      ...watcherDefaults,
      cluster: config.GSO_CLUSTER,
      kinds,
      namespaces: config.GSO_NAMESPACES,
      resyncIntervalMs: config.GSO_RESYNC_SECONDS * 1000,
      templating: config.GSO_ENABLE_TEMPLATING,
      logger,
    },
  );
  const statusWriter = new StatusWriter(
    cluster,
    new SqsMessageSource({ client: aws.sqs, queueUrl: config.GSO_STATUS_QUEUE_URL }),
    {
      ...statusWriterDefaults,
      cluster: config.GSO_CLUSTER,
      kinds,
      statusFields: statusFieldsByKind(),
      logger,
    },
  );
  let stopping = false;
  const health = await startHealthServer(config.GSO_HEALTH_PORT, {
    live: () => !stopping,
    ready: () => !stopping && watcher.ready(),
    details: () => ({ backlog: watcher.backlog(), statusesWritten: statusWriter.applied }),
  });
  statusWriter.start();
  await watcher.start();

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    const left = await watcher.stop(config.GSO_SHUTDOWN_SECONDS * 1000);
    await statusWriter.stop();
    health.close();
    aws.destroy();
    if (left > 0)
      logger.error('changes not sent before shutdown; they are re-listed at next start', { count: left });
    logger.info('stopped');
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runWatcher().catch((error: unknown) => {
    process.stderr.write(
      `${JSON.stringify({ level: 'error', message: 'watcher failed to start', error: String(error) })}\n`,
    );
    process.exit(1);
  });
}
