import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { beforeEach, describe, it } from 'node:test';
import type { ApimTarget } from '../../../lib/apim/target.ts';
import { RecoverableError, TerminalError } from '../../../lib/errors/sync-errors.ts';
import type { ChangeEvent } from '../../../lib/events/change-event.ts';
import type { StatusDetail } from '../../../lib/events/status-event.ts';
import { EmbeddedChangePublisher, EmbeddedDeadLetter } from '../../../lib/local/embedded-adapters.ts';
import { EmbeddedQueue } from '../../../lib/local/embedded-queue.ts';
import { silentLogger } from '../../../lib/log/logger.ts';
import type { ApimPort } from '../../../lib/ports/apim.ts';
import type { ClusterObject } from '../../../lib/ports/cluster.ts';
import { MemoryRegistry } from '../../../lib/registry/memory-registry.ts';
import { EnvelopeSealer } from '../../../lib/sealing/envelope.ts';
import { LocalKeyWrapper } from '../../../lib/sealing/local-key-wrapper.ts';
import { apiV4DefinitionSync } from '../../../lib/sync/kinds/api-v4-definition.ts';
import { managementContextSync } from '../../../lib/sync/kinds/management-context.ts';
import { type ProcessPorts, processChange } from '../../../lib/sync/process-change.ts';
import { buildChange } from '../../../lib/watcher/change-builder.ts';
import { apiObject, contextObject } from '../../support/factories/resources.ts';

/** A scripted APIM: records calls, answers from a queue of behaviours (default: success). */
class ScriptedApim implements ApimPort {
  calls: Array<{ op: string; target: ApimTarget; body?: unknown }> = [];
  failures: Error[] = [];
  target: ApimTarget = undefined as unknown as ApimTarget;
  private next(): void {
    const failure = this.failures.shift();
    if (failure) throw failure;
  }
  async probeEnvironment() {
    this.calls.push({ op: 'probe', target: this.target });
    this.next();
    return { id: this.target.environmentId, name: 'Default' };
  }
  async upsert(_collection: string, spec: object) {
    this.calls.push({ op: 'put', target: this.target, body: spec });
    this.next();
    const plans = ((spec as { plans?: Array<{ hrid: string }> }).plans ?? []).map((p) => ({
      ...p,
      id: `plan-${p.hrid}`,
    }));
    return {
      ...spec,
      plans,
      id: 'api-uuid',
      crossId: 'cross-uuid',
      organizationId: 'DEFAULT',
      environmentId: 'DEFAULT',
    };
  }
  async read() {
    return undefined;
  }
  async remove() {
    this.calls.push({ op: 'delete', target: this.target });
    this.next();
    return 'deleted' as const;
  }
  async importV2Api(): Promise<Record<string, unknown>> {
    throw new Error('not used by these scenarios');
  }
  async deleteV2Api(): Promise<'deleted'> {
    throw new Error('not used by these scenarios');
  }
}

describe('processChange', () => {
  let registry: MemoryRegistry;
  let sealer: EnvelopeSealer;
  let published: StatusDetail[];
  let apim: ScriptedApim;
  let dlq: EmbeddedQueue;
  let apiQueue: EmbeddedQueue;
  let ports: ProcessPorts;

  beforeEach(() => {
    registry = new MemoryRegistry();
    sealer = new EnvelopeSealer(new LocalKeyWrapper(randomBytes(32)));
    published = [];
    apim = new ScriptedApim();
    dlq = new EmbeddedQueue({ name: 'dlq' });
    apiQueue = new EmbeddedQueue({ name: 'api' });
    ports = {
      registry,
      sealer,
      status: { publish: async (d) => void published.push(...d) },
      changes: new EmbeddedChangePublisher({ ApiV4Definition: apiQueue }),
      deadLetter: new EmbeddedDeadLetter(dlq),
      logger: silentLogger,
      apimFactory: (target) => {
        apim.target = target;
        return apim;
      },
    };
  });

  const changeOf = async (
    object: ClusterObject & { kind: string },
    change: 'applied' | 'deleted' = 'applied',
  ) =>
    (
      await buildChange(object, object.kind, 'test', change, {
        sealer,
        readSecret: async () => undefined,
      })
    ).event;
  const body = (event: ChangeEvent) => JSON.stringify(event);

  it('applies a context then an API that references it, with the context credentials', async () => {
    // Prepare
    await processChange(body(await changeOf(contextObject())), 1, managementContextSync, ports);
    // Act
    const outcome = await processChange(body(await changeOf(apiObject())), 1, apiV4DefinitionSync, ports);
    // Assess
    assert.equal(outcome.action, 'ack');
    assert.deepEqual(
      apim.calls.map((c) => c.op),
      ['probe', 'put'],
    );
    assert.deepEqual(apim.calls[1]?.target.auth, { type: 'bearer', token: 's3cr3t-token-value' });
    const status = published.at(-1);
    assert.equal(status?.outcome, 'Synced');
    assert.equal(status?.status.id, 'api-uuid');
    assert.deepEqual(status?.status.plans, { 'keyless-plan': 'plan-keyless-plan' });
    assert.equal(status?.status.conditions.find((c) => c.type === 'Accepted')?.status, 'True');
  });

  it('makes no APIM write for an unchanged re-apply', async () => {
    await processChange(body(await changeOf(contextObject())), 1, managementContextSync, ports);
    const api = apiObject();
    await processChange(body(await changeOf(api)), 1, apiV4DefinitionSync, ports);
    const writes = apim.calls.filter((c) => c.op === 'put').length;
    await processChange(
      body(await changeOf({ ...api, metadata: { ...api.metadata, resourceVersion: '2' } })),
      1,
      apiV4DefinitionSync,
      ports,
    );
    assert.equal(apim.calls.filter((c) => c.op === 'put').length, writes);
    assert.equal(published.at(-1)?.outcome, 'Synced');
    assert.equal(published.at(-1)?.status.id, 'api-uuid');
  });

  it('answers a stale generation with the current status and no APIM call', async () => {
    await processChange(body(await changeOf(contextObject())), 1, managementContextSync, ports);
    const api = apiObject('echo', {}, { generation: 3, resourceVersion: '30' });
    await processChange(body(await changeOf(api)), 1, apiV4DefinitionSync, ports);
    const callsBefore = apim.calls.length;
    const stale = await changeOf({
      ...api,
      metadata: { ...api.metadata, generation: 2, resourceVersion: '20' },
      spec: { ...api.spec, name: 'old' },
    });
    const outcome = await processChange(body(stale), 1, apiV4DefinitionSync, ports);
    assert.equal(outcome.action, 'ack');
    assert.equal(apim.calls.length, callsBefore);
    assert.equal(published.at(-1)?.generation, 3);
    assert.equal(published.at(-1)?.correlationId, stale.id);
  });

  it('retries a missing context with ResolvedRefs=False, then converges when the context arrives', async () => {
    const api = apiObject();
    const first = await processChange(body(await changeOf(api)), 1, apiV4DefinitionSync, ports);
    assert.equal(first.action, 'retry');
    const failed = published.at(-1);
    assert.equal(failed?.status.conditions.find((c) => c.type === 'ResolvedRefs')?.status, 'False');
    assert.match(
      failed?.failure?.message ?? '',
      /spec\.contextRef references ManagementContext default\/dev-ctx/,
    );
    // The context arrives: its function re-syncs the API through the API queue.
    await processChange(body(await changeOf(contextObject())), 1, managementContextSync, ports);
    const [resync] = await apiQueue.receive(1, 0);
    assert.ok(resync, 'a resync event was queued for the dependent API');
    const outcome = await processChange(resync.body, 1, apiV4DefinitionSync, ports);
    assert.equal(outcome.action, 'ack');
    assert.equal(published.at(-1)?.outcome, 'Synced');
  });

  it('reports a terminal APIM rejection once, without retry', async () => {
    await processChange(body(await changeOf(contextObject())), 1, managementContextSync, ports);
    apim.failures.push(new TerminalError('ApimUnauthorized', 'APIM PUT http://x/apis answered 401'));
    const outcome = await processChange(body(await changeOf(apiObject())), 1, apiV4DefinitionSync, ports);
    assert.equal(outcome.action, 'ack');
    const status = published.at(-1);
    assert.equal(status?.outcome, 'SyncFailed');
    assert.equal(status?.failure?.terminal, true);
    assert.match(status?.status.conditions[0]?.message ?? '', /answered 401/);
  });

  it('backs off a recoverable failure and says so on the last attempt', async () => {
    await processChange(body(await changeOf(contextObject())), 1, managementContextSync, ports);
    const event = await changeOf(apiObject());
    apim.failures.push(
      new RecoverableError('ApimUnavailable', '503'),
      new RecoverableError('ApimUnavailable', '503'),
    );
    const first = await processChange(body(event), 1, apiV4DefinitionSync, {
      ...ports,
      retry: { maxAttempts: 2, baseDelaySeconds: 5, maxDelaySeconds: 60 },
    });
    assert.deepEqual(first.action === 'retry' && first.delaySeconds, 5);
    assert.match(published.at(-1)?.failure?.message ?? '', /retrying in 5s \(attempt 1 of 2\)/);
    const last = await processChange(body(event), 2, apiV4DefinitionSync, {
      ...ports,
      retry: { maxAttempts: 2, baseDelaySeconds: 5, maxDelaySeconds: 60 },
    });
    assert.equal(last.action, 'retry');
    assert.equal(published.at(-1)?.failure?.exhausted, true);
    assert.match(published.at(-1)?.failure?.message ?? '', /dead-letter queue/);
  });

  it('sends a malformed record to the dead-letter queue without throwing', async () => {
    const outcome = await processChange('{"not":"an event"}', 1, apiV4DefinitionSync, ports);
    assert.equal(outcome.action, 'ack');
    const [dead] = dlq.peek();
    assert.equal(dead?.attributes.errorReason, 'MalformedRecord');
    assert.match(dead?.attributes.reason ?? '', /not a change event/);
    assert.equal(published.length, 0);
  });

  it('deletes through APIM and leaves a tombstone that makes a late apply stale', async () => {
    await processChange(body(await changeOf(contextObject())), 1, managementContextSync, ports);
    const api = apiObject();
    await processChange(body(await changeOf(api)), 1, apiV4DefinitionSync, ports);
    const deleted = {
      ...api,
      metadata: { ...api.metadata, resourceVersion: '9', deletionTimestamp: new Date().toISOString() },
    };
    await processChange(body(await changeOf(deleted, 'deleted')), 1, apiV4DefinitionSync, ports);
    assert.equal(published.at(-1)?.outcome, 'Deleted');
    assert.equal(apim.calls.at(-1)?.op, 'delete');
    const calls = apim.calls.length;
    await processChange(body(await changeOf(api)), 1, apiV4DefinitionSync, ports);
    assert.equal(apim.calls.length, calls);
  });

  it('keeps the APIM object when the deletion policy says orphan', async () => {
    await processChange(body(await changeOf(contextObject())), 1, managementContextSync, ports);
    const api = apiObject('kept', {}, { annotations: { 'gravitee.io/deletion-policy': 'orphan' } });
    await processChange(body(await changeOf(api)), 1, apiV4DefinitionSync, ports);
    await processChange(
      body(await changeOf({ ...api, metadata: { ...api.metadata, resourceVersion: '5' } }, 'deleted')),
      1,
      apiV4DefinitionSync,
      ports,
    );
    assert.equal(published.at(-1)?.outcome, 'Deleted');
    assert.equal(
      apim.calls.some((c) => c.op === 'delete'),
      false,
    );
  });

  it('rejects an invalid spec as terminal, naming the field', async () => {
    await processChange(body(await changeOf(contextObject())), 1, managementContextSync, ports);
    const outcome = await processChange(
      body(await changeOf(apiObject('bad', { type: 'SOAP' }))),
      1,
      apiV4DefinitionSync,
      ports,
    );
    assert.equal(outcome.action, 'ack');
    assert.equal(published.at(-1)?.failure?.terminal, true);
    assert.match(published.at(-1)?.failure?.message ?? '', /spec\.type/);
  });
});
