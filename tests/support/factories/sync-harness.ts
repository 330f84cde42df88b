import { randomBytes } from 'node:crypto';
import { namespacedHrid } from '../../../lib/apim/payload/hrid.ts';
import type { ApimTarget } from '../../../lib/apim/target.ts';
import { allKinds } from '../../../lib/crds/kinds.ts';
import { type ChangeEvent, type ChangeType, changeOf } from '../../../lib/events/change-event.ts';
import type { StatusDetail } from '../../../lib/events/status-event.ts';
import { EmbeddedChangePublisher, EmbeddedDeadLetter } from '../../../lib/local/embedded-adapters.ts';
import { EmbeddedQueue } from '../../../lib/local/embedded-queue.ts';
import { silentLogger } from '../../../lib/log/logger.ts';
import type { ApimPort, ApimState } from '../../../lib/ports/apim.ts';
import { MemoryRegistry } from '../../../lib/registry/memory-registry.ts';
import type { ResourceRecord } from '../../../lib/registry/resource-record.ts';
import type { ResourceKey } from '../../../lib/resource-key.ts';
import { EnvelopeSealer } from '../../../lib/sealing/envelope.ts';
import { LocalKeyWrapper } from '../../../lib/sealing/local-key-wrapper.ts';
import { type AutomationKind, automationKindSync } from '../../../lib/sync/automation-sync.ts';
import { contextRefKey } from '../../../lib/sync/context-target.ts';
import type { KindSync } from '../../../lib/sync/kind-sync.ts';
import { type DeliveryOutcome, type ProcessPorts, processChange } from '../../../lib/sync/process-change.ts';
import { buildChange } from '../../../lib/watcher/change-builder.ts';
import type { KindObject } from './kinds.ts';

export const CLUSTER = 'test';

type Operation = 'probe' | 'upsert' | 'read' | 'remove' | 'importV2Api' | 'deleteV2Api';

/** One call a sync made to APIM, with where it went. */
export interface ApimCall {
  op: Operation;
  /** Automation root of the target (`…/organizations/{org}/environments/{env}`), credentials left out. */
  baseUrl: string;
  collection?: string;
  item?: string;
  body?: Record<string, unknown>;
  dryRun?: boolean;
}

/**
 * An APIM that keeps what it is sent: upserts answer the body with ids derived from its hrid (plans
 * included), reads answer what was upserted, removes answer `deleted` or `not-found`. Failures can be
 * scripted per operation.
 */
export class RecordingApim implements ApimPort {
  readonly calls: ApimCall[] = [];
  /** Items stored, by `<baseUrl>/<item>`. */
  readonly stored = new Map<string, ApimState>();
  private readonly failures: Array<{ op: Operation; error: Error }> = [];
  /** Extra fields of every upsert answer (e.g. `errors` APIM reports). */
  answerExtras: Record<string, unknown> = {};
  target: ApimTarget | undefined;

  /** Makes the next call of `op` throw `error`. */
  failNext(op: Operation, error: Error): void {
    this.failures.push({ op, error });
  }

  of(op: Operation): ApimCall[] {
    return this.calls.filter((c) => c.op === op);
  }

  private root(): string {
    const t = this.target;
    return t
      ? `${t.baseUrl}/organizations/${t.organizationId}/environments/${t.environmentId}`
      : '(no target)';
  }

  private record(call: Omit<ApimCall, 'baseUrl'>): void {
    this.calls.push({ baseUrl: this.root(), ...call });
    const i = this.failures.findIndex((f) => f.op === call.op);
    if (i >= 0) {
      const [failure] = this.failures.splice(i, 1);
      throw failure?.error;
    }
  }

  async probeEnvironment() {
    this.record({ op: 'probe' });
    return { id: this.target?.environmentId ?? 'DEFAULT', name: 'Default environment' };
  }

  async upsert(collection: string, body: object, options: { dryRun: boolean }) {
    const sent = structuredClone(body) as Record<string, unknown>;
    this.record({ op: 'upsert', collection, body: sent, dryRun: options.dryRun });
    const hrid = String(sent.hrid ?? 'unnamed');
    const plans = Array.isArray(sent.plans)
      ? (sent.plans as Array<Record<string, unknown>>).map((p) => ({ ...p, id: `plan-${String(p.hrid)}` }))
      : undefined;
    const state: ApimState = {
      ...sent,
      ...(plans ? { plans } : {}),
      id: `id-${hrid}`,
      crossId: `cross-${hrid}`,
      organizationId: this.target?.organizationId ?? 'DEFAULT',
      environmentId: this.target?.environmentId ?? 'DEFAULT',
      errors: { severe: [], warning: [] },
      ...this.answerExtras,
    };
    if (!options.dryRun) this.stored.set(`${this.root()}/${collection}/${hrid}`, state);
    return state;
  }

  async read(item: string) {
    this.record({ op: 'read', item });
    return this.stored.get(`${this.root()}/${item}`);
  }

  async remove(item: string) {
    this.record({ op: 'remove', item });
    return this.stored.delete(`${this.root()}/${item}`) ? ('deleted' as const) : ('not-found' as const);
  }

  async importV2Api(body: object, options: { dryRun: boolean }): Promise<ApimState> {
    this.record({
      op: 'importV2Api',
      body: structuredClone(body) as Record<string, unknown>,
      dryRun: options.dryRun,
    });
    return { ...body, id: 'v2-id' };
  }

  async deleteV2Api(id: string) {
    this.record({ op: 'deleteV2Api', item: id });
    return 'deleted' as const;
  }
}

export interface HarnessOptions {
  /** Talk HTTP through the real ApimClient instead of the recording APIM. */
  http?: boolean;
  dryRun?: boolean;
}

/**
 * Everything `processChange` needs, embedded: the registry, a local sealing key, a queue per kind for
 * re-sync and resumed-delete events, the published status events, and an APIM.
 */
export class SyncHarness {
  readonly registry = new MemoryRegistry();
  readonly sealer = new EnvelopeSealer(new LocalKeyWrapper(randomBytes(32)));
  readonly published: StatusDetail[] = [];
  readonly apim = new RecordingApim();
  readonly dlq = new EmbeddedQueue({ name: 'dlq' });
  readonly queues: Record<string, EmbeddedQueue> = {};
  /** Secrets the watcher can read, by `namespace/name`. */
  readonly secrets = new Map<string, Record<string, string>>();
  readonly ports: ProcessPorts;

  constructor(options: HarnessOptions = {}) {
    for (const definition of allKinds())
      this.queues[definition.kind] = new EmbeddedQueue({ name: definition.kind });
    this.ports = {
      registry: this.registry,
      sealer: this.sealer,
      status: { publish: async (details) => void this.published.push(...details) },
      changes: new EmbeddedChangePublisher(this.queues),
      deadLetter: new EmbeddedDeadLetter(this.dlq),
      logger: silentLogger,
      retry: { maxAttempts: 5, baseDelaySeconds: 1, maxDelaySeconds: 10 },
      ...(options.http
        ? { apimOptions: { timeoutMs: 5_000 } }
        : {
            apimFactory: (target: ApimTarget) => {
              this.apim.target = target;
              return this.apim;
            },
          }),
      ...(options.dryRun ? { dryRun: true } : {}),
    };
  }

  /** The change event the watcher forwards for `object`. */
  async change(object: KindObject, change: ChangeType = 'applied'): Promise<ChangeEvent> {
    const built = await buildChange(object, object.kind, CLUSTER, change, {
      sealer: this.sealer,
      readSecret: async (namespace, name) => this.secrets.get(`${namespace}/${name}`),
    });
    return built.event;
  }

  /** Forwards `object` as the watcher would and processes it with `sync`. */
  async process(
    sync: KindSync,
    object: KindObject,
    change: ChangeType = 'applied',
  ): Promise<DeliveryOutcome> {
    return this.deliver(sync, await this.change(object, change));
  }

  /** Processes one change event (first delivery unless `attempt` says otherwise). */
  async deliver(sync: KindSync, event: ChangeEvent | string, attempt = 1): Promise<DeliveryOutcome> {
    return processChange(
      typeof event === 'string' ? event : JSON.stringify(event),
      attempt,
      sync,
      this.ports,
    );
  }

  /** Takes every change event waiting in a kind's queue (re-syncs, resumed deletes). */
  async drain(kind: string): Promise<ChangeEvent[]> {
    const queue = this.queues[kind];
    if (!queue) throw new Error(`no queue for ${kind}`);
    const events: ChangeEvent[] = [];
    for (;;) {
      const messages = await queue.receive(10, 0);
      if (messages.length === 0) return events;
      for (const message of messages) {
        events.push(JSON.parse(message.body) as ChangeEvent);
        await queue.ack(message);
      }
    }
  }

  /** Processes every change waiting in the queue of `sync.kind`; returns the events processed. */
  async processQueued(sync: KindSync): Promise<ChangeEvent[]> {
    const events = await this.drain(sync.kind);
    for (const event of events) await this.deliver(sync, event);
    return events;
  }

  key(kind: string, name: string, namespace = 'default'): ResourceKey {
    return { cluster: CLUSTER, kind, namespace, name };
  }

  async recordOf(kind: string, name: string, namespace = 'default'): Promise<ResourceRecord | undefined> {
    return this.registry.get(this.key(kind, name, namespace));
  }

  /** The latest status event published for a resource. */
  lastStatus(kind: string, name: string): StatusDetail | undefined {
    return this.published.filter((d) => d.kind === kind && d.name === name).at(-1);
  }
}

/** `type` of a change event: applied, deleted or resync. */
export const changeTypeOf = changeOf;

/** The condition of a status, by type. */
export function conditionOf(detail: StatusDetail | undefined, type: 'Accepted' | 'ResolvedRefs') {
  return detail?.status.conditions.find((c) => c.type === type);
}

function contextReferences(
  key: ResourceKey,
  data: Parameters<AutomationKind['references']>[1],
): ResourceKey[] {
  const context = contextRefKey(key, data);
  return context ? [context] : [];
}

/**
 * Stand-in for the Group function until its kind module lands: an Automation API upsert of `groups`
 * keyed by `<namespace>-<name>`, through the generic {@link automationKindSync}.
 */
export const groupStandInSync = automationKindSync({
  kind: 'Group',
  references: contextReferences,
  async request({ key, spec }) {
    const hrid = namespacedHrid(key.namespace, key.name);
    return {
      collection: 'groups',
      item: `groups/${hrid}`,
      body: { hrid, name: spec.name, members: spec.members },
    };
  },
});

/** Stand-in for the SharedPolicyGroup function, as {@link groupStandInSync}. */
export const sharedPolicyGroupStandInSync = automationKindSync({
  kind: 'SharedPolicyGroup',
  references: contextReferences,
  deletionBlockedBy: ['ApiV4Definition'],
  async request({ key, spec }) {
    const hrid = namespacedHrid(key.namespace, key.name);
    return {
      collection: 'sharedPolicyGroups',
      item: `sharedPolicyGroups/${hrid}`,
      body: { hrid, name: spec.name, apiType: spec.apiType, phase: spec.phase, steps: spec.steps },
    };
  },
});
