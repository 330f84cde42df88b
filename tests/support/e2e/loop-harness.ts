import { type AwsClients, awsClientConfigFromEnv } from '../../../lib/aws/clients.ts';
import { allKinds } from '../../../lib/crds/kinds.ts';
import { JsonLogger } from '../../../lib/log/logger.ts';
import { ApimSimulator } from '../apim-simulator/index.ts';
import { apiObject } from '../factories/resources.ts';
import {
  customResource,
  DEFAULT_RESOURCES,
  FakeKubeServer,
  type KubeObject,
  type ResourceDefinition,
} from '../fake-kube/index.ts';
import type { AwsStack } from '../moto/aws-stack.ts';
import type { MotoServer } from '../moto/moto-server.ts';
import { OperatorLoop } from './operator-loop.ts';
import { TrafficRecorder } from './traffic-recorder.ts';

export const CLUSTER = 'e2e';
/** Credentials of the simulated APIM: distinctive, so a test can search for them everywhere. */
export const APIM_TOKEN = 'tok-7f3a9c51-never-leak-me';
export const MAX_ATTEMPTS = 3;

export const resources = {
  context: { group: 'gravitee.io', version: 'v1alpha1', plural: 'managementcontexts' },
  api: { group: 'gravitee.io', version: 'v1alpha1', plural: 'apiv4definitions' },
  secret: { group: '', version: 'v1', plural: 'secrets' },
  event: { group: '', version: 'v1', plural: 'events' },
} as const;

/** The fake API server's built-ins plus every gravitee.io kind the watcher follows (all kinds sync now). */
export const servedResources: readonly ResourceDefinition[] = [
  ...DEFAULT_RESOURCES,
  ...allKinds()
    .filter((k) => !DEFAULT_RESOURCES.some((r) => r.group === k.group && r.plural === k.plural))
    .map((k) => customResource(`${k.group}/${k.version}`, k.kind, k.plural)),
];

/**
 * The whole loop, with real components where we can have them: the real `@kubernetes/client-node` against
 * the fake API server, the real AWS SDK against moto (SQS FIFO + DLQ, EventBridge rule → SQS, DynamoDB,
 * KMS), the real Lambda handlers (middy + Powertools batch) fed by an event-source-mapping emulator, and
 * the APIM simulator that validates every exchange against the OpenAPI documents.
 */
export class LoopHarness {
  readonly kube = new FakeKubeServer({ resources: servedResources });
  readonly apim = new ApimSimulator({
    credentials: { bearerToken: APIM_TOKEN, basic: { username: 'admin', password: 'admin-pass-9d2e' } },
  });
  readonly traffic = new TrafficRecorder();
  readonly logs: string[] = [];
  stack!: AwsStack;
  private loop?: OperatorLoop;

  static async start(moto: MotoServer): Promise<LoopHarness> {
    const harness = new LoopHarness();
    await harness.boot(moto);
    return harness;
  }

  private async boot(moto: MotoServer): Promise<void> {
    await this.kube.start();
    await this.apim.start();
    const logger = new JsonLogger({ service: 'e2e', level: 'debug', write: (line) => this.logs.push(line) });
    this.loop = await OperatorLoop.start({
      kubeConfig: this.kube.kubeConfig(),
      aws: moto.clientConfig(),
      cluster: CLUSTER,
      logger,
      maxAttempts: MAX_ATTEMPTS,
      onClient: (client, label) => this.traffic.attach(client, label),
    });
    this.stack = this.loop.stack;
  }

  /** Secrets, credentials: everything the loop must never let out in plaintext. */
  get awsClients(): AwsClients {
    if (!this.loop) throw new Error('the loop is not started');
    return this.loop.clients;
  }

  contextManifest(name: string, auth: Record<string, unknown> = { bearerToken: APIM_TOKEN }): KubeObject {
    return {
      apiVersion: 'gravitee.io/v1alpha1',
      kind: 'ManagementContext',
      metadata: { name, namespace: 'default' },
      spec: { baseUrl: this.apim.baseUrl, organizationId: 'DEFAULT', environmentId: 'DEFAULT', auth },
    };
  }

  apiManifest(name: string, context: string, spec: Record<string, unknown> = {}): KubeObject {
    const { apiVersion, kind, spec: base } = apiObject(name, { contextRef: { name: context }, ...spec });
    return { apiVersion, kind, metadata: { name, namespace: 'default' }, spec: base };
  }

  api(name: string): KubeObject | undefined {
    return this.kube.get(resources.api, 'default', name);
  }

  context(name: string): KubeObject | undefined {
    return this.kube.get(resources.context, 'default', name);
  }

  /** Kubernetes Events recorded for an object. */
  eventsFor(name: string): Array<{ reason?: string; type?: string; message?: string }> {
    return this.kube
      .list(resources.event, 'default')
      .filter((e) => (e as { involvedObject?: { name?: string } }).involvedObject?.name === name) as Array<{
      reason?: string;
      type?: string;
      message?: string;
    }>;
  }

  /** APIM writes (PUT without dryRun, DELETE) for one API hrid. */
  apimWrites(hrid: string): Array<{ method: string; path: string }> {
    return this.apim
      .writes()
      .filter(
        (r) =>
          r.path.endsWith(`/apis/${hrid}`) ||
          (r.method === 'PUT' && (r.body as { hrid?: string })?.hrid === hrid),
      );
  }

  async stop(): Promise<void> {
    await this.loop?.stop();
    await this.apim.stop();
    await this.kube.stop();
  }
}

/**
 * Polls until `check` returns a truthy value, or fails with `what` after `timeoutMs`; `seen` adds what was
 * last observed to that failure.
 */
export async function eventually<T>(
  what: string,
  check: () => T | Promise<T>,
  timeoutMs = 20_000,
  seen?: () => string,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const detail = [seen?.(), last ? (last as Error).message : undefined].filter(Boolean).join('; ');
      throw new Error(`timed out waiting for ${what}${detail ? `: ${detail}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function accepted(
  object: KubeObject | undefined,
): { status?: string; message?: string; reason?: string; observedGeneration?: number } | undefined {
  const conditions = ((object?.status as { conditions?: unknown[] } | undefined)?.conditions ?? []) as Array<{
    type: string;
  }>;
  return conditions.find((c) => c.type === 'Accepted') as ReturnType<typeof accepted>;
}

export { awsClientConfigFromEnv };
