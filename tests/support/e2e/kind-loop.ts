import { randomUUID } from 'node:crypto';
import { beforeEach } from 'node:test';
import { DynamoDbRegistry } from '../../../lib/aws/dynamodb-registry.ts';
import { SqsChangePublisher } from '../../../lib/aws/sqs-change-publisher.ts';
import { type KindName, kindByName } from '../../../lib/crds/kinds.ts';
import { buildChangeEvent } from '../../../lib/events/change-event.ts';
import type { ResourceRecord } from '../../../lib/registry/resource-record.ts';
import type { KubeObject, ResourceRef } from '../fake-kube/index.ts';
import { queueUrlsOf } from '../moto/aws-stack.ts';
import { accepted, CLUSTER, eventually, type LoopHarness } from './loop-harness.ts';
import { useLoopHarness } from './use-loop-harness.ts';

const NAMESPACE = 'default';

/** Where the fake API server serves a kind. */
export function resourceOf(kind: KindName): ResourceRef {
  const definition = kindByName(kind);
  if (!definition) throw new Error(`unknown kind ${kind}`);
  return { group: definition.group, version: definition.version, plural: definition.plural };
}

/** Status fields every kind may carry; which ones a kind has depends on its CRD. */
export interface KindStatus {
  id?: string;
  crossId?: string;
  organizationId?: string;
  environmentId?: string;
  processingStatus?: string;
  plans?: Record<string, string>;
  state?: string;
  members?: number;
  startedAt?: string;
  conditions?: Array<{ type: string; status: string; message?: string; observedGeneration?: number }>;
}

/** The status of an object, typed loosely. */
export function statusOf(object: KubeObject | undefined): KindStatus {
  return (object?.status ?? {}) as KindStatus;
}

/**
 * Lifecycle steps over the whole loop for any GKO kind: apply, wait for acceptance at a generation,
 * change the spec or only the metadata, re-deliver the last accepted change, delete and wait for the
 * finalizer to be released. Read-outs: the object in the fake API server and its Events, the function's
 * registry record (DynamoDB on moto), and the APIM simulator.
 */
export class KindLoop {
  readonly loop: LoopHarness;
  private readonly registry: DynamoDbRegistry;

  constructor(loop: LoopHarness) {
    this.loop = loop;
    this.registry = new DynamoDbRegistry({
      client: loop.awsClients.documentClient,
      tableName: loop.stack.table.name,
    });
  }

  get apim() {
    return this.loop.apim;
  }

  apply(object: KubeObject): KubeObject {
    return this.loop.kube.apply(object);
  }

  get(kind: KindName, name: string): KubeObject | undefined {
    return this.loop.kube.get(resourceOf(kind), NAMESPACE, name);
  }

  /** Applies a ManagementContext pointing at the simulator and waits until it is accepted. */
  async context(name = 'apim'): Promise<void> {
    this.apply(this.loop.contextManifest(name));
    await this.accepted('ManagementContext', name, 1);
  }

  /**
   * Waits for Accepted=True observed at `generation`; on timeout the error tells the last condition seen,
   * so a refused resource fails with APIM's or the function's own words.
   */
  async accepted(
    kind: KindName,
    name: string,
    generation: number,
    message?: RegExp,
    timeoutMs = 20_000,
  ): Promise<KubeObject> {
    let seen: unknown;
    try {
      return await eventually(
        `${kind} ${name} accepted at generation ${generation}${message ? ` saying ${message}` : ''}`,
        () => {
          const object = this.get(kind, name);
          const condition = accepted(object);
          seen = condition;
          return condition?.status === 'True' &&
            condition.observedGeneration === generation &&
            (!message || message.test(condition.message ?? ''))
            ? object
            : undefined;
        },
        timeoutMs,
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}; last Accepted condition: ${JSON.stringify(seen)}`);
    }
  }

  /** Replaces the spec of the stored object (metadata, finalizers included, kept), as `kubectl apply` would. */
  revise(kind: KindName, name: string, spec: Record<string, unknown>): KubeObject {
    const current = this.stored(kind, name);
    return this.apply({ ...current, spec });
  }

  /** Adds labels only: a metadata change, which leaves the generation alone. */
  relabel(kind: KindName, name: string, labels: Record<string, string>): KubeObject {
    const current = this.stored(kind, name);
    return this.apply({ ...current, metadata: { ...current.metadata, labels: { ...labels } } });
  }

  /** The function's registry record of the resource. */
  async record(kind: KindName, name: string): Promise<ResourceRecord | undefined> {
    return this.registry.get({ cluster: CLUSTER, kind, namespace: NAMESPACE, name });
  }

  /**
   * Sends the resource's last accepted change again, as a `resync` (what a periodic resync or a dependent
   * re-sync does), and waits until the function has recorded its outcome.
   */
  async redeliver(kind: KindName, name: string): Promise<ResourceRecord> {
    const before = await this.record(kind, name);
    if (!before) throw new Error(`${kind} ${name} has no registry record to re-deliver`);
    const publisher = new SqsChangePublisher({
      client: this.loop.awsClients.sqs,
      queueUrls: queueUrlsOf(this.loop.stack),
    });
    const failures = await publisher.publish([
      buildChangeEvent('resync', before.change.data, { salt: randomUUID() }),
    ]);
    if (failures.length > 0) throw new Error(`re-delivery failed: ${JSON.stringify(failures)}`);
    return eventually(`${kind} ${name} re-delivery processed`, async () => {
      const after = await this.record(kind, name);
      return after && after.version > before.version ? after : undefined;
    });
  }

  /**
   * The unchanged re-apply: a label-only change (which the watcher does not forward), then the last accepted
   * change delivered again, which the function must find already applied. Returns the function's record of
   * that re-delivery.
   */
  async leaveUnchanged(kind: KindName, name: string): Promise<ResourceRecord> {
    this.relabel(kind, name, { 'e2e.gravitee.io/touched': 'label-only' });
    // Time for the watcher to see the label change (and forward it, if it wrongly did) before the re-delivery,
    // which then queues behind it in the object's FIFO group.
    await new Promise((resolve) => setTimeout(resolve, 300));
    return this.redeliver(kind, name);
  }

  /** Deletes the object and waits until the finalizer is released and the object is gone. */
  async deleteAndWaitGone(kind: KindName, name: string): Promise<void> {
    this.loop.kube.delete(resourceOf(kind), NAMESPACE, name);
    await eventually(`${kind} ${name} gone`, () => this.get(kind, name) === undefined);
  }

  /** Reasons of the Kubernetes Events recorded for an object. */
  eventReasons(name: string): string[] {
    return this.loop.eventsFor(name).map((e) => e.reason ?? '');
  }

  private stored(kind: KindName, name: string): KubeObject {
    const current = this.get(kind, name);
    if (!current) throw new Error(`${kind} ${name} does not exist`);
    return current;
  }
}

/** {@link useLoopHarness} driven through a {@link KindLoop}: a fresh loop per test. */
export function useKindLoop(): () => KindLoop {
  const loop = useLoopHarness();
  let current: KindLoop | undefined;
  beforeEach(() => {
    current = new KindLoop(loop());
  });
  return () => {
    if (!current) throw new Error('the loop exists only inside a test');
    return current;
  };
}

/** The members of `object` named by `keys` (absent ones left out), to compare what APIM holds with what was sent. */
export function pick(object: object | undefined, keys: readonly string[]): Record<string, unknown> {
  const members = (object ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of keys) if (Object.hasOwn(members, key)) out[key] = members[key];
  return out;
}
