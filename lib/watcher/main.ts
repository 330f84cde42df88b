import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KubeConfig } from '@kubernetes/client-node';
import { awsClientConfigFromEnv, createAwsClients } from '../aws/clients.ts';
import { KmsKeyWrapper } from '../aws/kms-key-wrapper.ts';
import { SqsChangePublisher } from '../aws/sqs-change-publisher.ts';
import { SqsMessageSource } from '../aws/sqs-message-source.ts';
import { ClientNodeCluster } from '../kube/client-node-cluster.ts';
import { JsonLogger } from '../log/logger.ts';
import { EnvelopeSealer } from '../sealing/envelope.ts';
import { startHealthServer } from './health-server.ts';
import { LeaderElector } from './leader-election.ts';
import { StatusWriter, statusWriterDefaults } from './status-writer.ts';
import { statusFieldsByKind, watchedKinds } from './watched-kinds.ts';
import { Watcher, watcherDefaults } from './watcher.ts';
import { watcherEnvironment } from './watcher-config.ts';

/** Whether this replica runs the loops (`leader`) or waits for the Lease (`standby`). */
export type WatcherRole = 'leader' | 'standby';

/** A running watcher process. */
export interface WatcherProcess {
  /** Resolves with the exit code once everything stopped (after a signal, or when leadership was lost). */
  readonly stopped: Promise<number>;
  /** Stops as on SIGTERM; resolves with the exit code. Calling it again returns the same outcome. */
  shutdown(reason: string, exitCode?: number): Promise<number>;
}

/**
 * The in-cluster process: watcher + status writer + health endpoints, with one active replica elected on
 * a Lease (unless `GSO_LEADER_ELECTION=false`).
 *
 * - A standby serves health endpoints (ready, so a rolling update never waits on it) and waits.
 * - The leader runs the watcher and the status writer; it is ready once its watches are.
 * - SIGTERM: stop watching, send what is pending, finish the status batch in hand, release the Lease,
 *   exit 0.
 * - Leadership lost (another holder, or renewals failing past the deadline): the same clean stop, then
 *   exit 1, so the container restarts as a standby (client-go's convention).
 */
export async function runWatcher(env: NodeJS.ProcessEnv = process.env): Promise<WatcherProcess> {
  const config = watcherEnvironment(env);
  const logger = new JsonLogger({
    service: 'gso-watcher',
    cluster: config.GSO_CLUSTER,
    pod: config.GSO_POD_NAME,
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
      gatewayConfigMaps: config.GSO_GATEWAY_CONFIGMAPS,
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

  let role: WatcherRole = 'standby';
  let stopping = false;
  /** Start of the loops; set once this replica leads. */
  let loops: Promise<void> | undefined;
  let stopped: Promise<number> | undefined;
  let reportStopped: (code: number) => void = () => undefined;
  const done = new Promise<number>((resolveDone) => {
    reportStopped = resolveDone;
  });

  const lead = () => {
    if (stopping || loops) return;
    role = 'leader';
    loops = (async () => {
      statusWriter.start();
      await watcher.start();
    })();
    loops.catch((error: unknown) => {
      logger.error('watcher failed to start', { error });
      void shutdown('watcher failed to start', 1);
    });
  };

  const elector = config.GSO_LEADER_ELECTION
    ? new LeaderElector(cluster, {
        // Checked by the configuration: required when leader election is on.
        namespace: config.GSO_LEASE_NAMESPACE ?? '',
        leaseName: config.GSO_LEASE_NAME,
        identity: config.GSO_POD_NAME,
        logger,
        onStartedLeading: lead,
        onStoppedLeading: (reason) => void shutdown(`leadership lost (${reason})`, 1),
      })
    : undefined;

  const health = await startHealthServer(config.GSO_HEALTH_PORT, {
    live: () => !stopping,
    ready: () => !stopping && (role === 'standby' || watcher.ready()),
    details: () => ({
      role,
      ...(elector ? { leader: elector.leader() ?? null } : {}),
      backlog: watcher.backlog(),
      statusesWritten: statusWriter.applied,
    }),
  });

  async function stop(reason: string, exitCode: number): Promise<number> {
    stopping = true;
    logger.info('shutting down', { reason, role });
    let code = exitCode;
    let left = 0;
    try {
      if (loops) {
        // A start in progress completes first, so that every watch it opened is closed.
        await loops.catch(() => undefined);
        left = await watcher.stop(config.GSO_SHUTDOWN_SECONDS * 1000);
        await statusWriter.stop();
      }
      // Only now: the next leader must not start while this one still sends.
      await elector?.stop();
    } catch (error) {
      logger.error('shutdown failed', { error });
      code = 1;
    }
    await new Promise<void>((resolveClosed) => {
      health.close(() => resolveClosed());
      health.closeAllConnections();
    });
    aws.destroy();
    if (left > 0)
      logger.error('changes not sent before shutdown; they are re-listed at next start', { count: left });
    logger.info('stopped', { reason, exitCode: code });
    return code;
  }

  function shutdown(reason: string, exitCode = 0): Promise<number> {
    stopped ??= stop(reason, exitCode).then((code) => {
      reportStopped(code);
      return code;
    });
    return stopped;
  }

  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  if (elector) {
    logger.info('competing for leadership', {
      lease: `${config.GSO_LEASE_NAMESPACE}/${config.GSO_LEASE_NAME}`,
    });
    elector.start();
  } else {
    lead();
  }
  return { stopped: done, shutdown };
}

/** True when this module is the process's entry point (run by node or tsx, bundled or not). */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    // Node resolves symbolic links of the main module; so must the comparison.
    return realpathSync(fileURLToPath(import.meta.url)) === realpathSync(script);
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  runWatcher()
    .then((watcherProcess) => watcherProcess.stopped)
    .then(
      (code) => process.exit(code),
      (error: unknown) => {
        process.stderr.write(
          `${JSON.stringify({ level: 'error', message: 'watcher failed to start', error: String(error) })}\n`,
        );
        process.exit(1);
      },
    );
}
