import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { APIM_TOKEN, accepted, eventually, resources } from '../support/e2e/loop-harness.ts';
import { useLoopHarness } from '../support/e2e/use-loop-harness.ts';

const HRID = (name: string) => `default-${name}`;

describe('the whole loop for a v4 API: watcher → SQS → function → APIM → EventBridge → status', () => {
  const loop = useLoopHarness();

  it('create context and API: the API exists in APIM and the resource shows Accepted with ids and plans', async () => {
    // Prepare / Act
    loop().kube.apply(loop().contextManifest('apim'));
    loop().kube.apply(loop().apiManifest('orders', 'apim'));
    // Assess
    const api = await eventually('API accepted', () =>
      accepted(loop().api('orders'))?.status === 'True' ? loop().api('orders') : undefined,
    );
    const status = api.status as {
      id: string;
      crossId: string;
      plans: Record<string, string>;
      state: string;
      processingStatus: string;
    };
    const stored = loop().apim.apis().get(HRID('orders'));
    assert.ok(stored, 'APIM stores the API under its HRID');
    assert.equal(status.id, stored.id);
    assert.equal(status.crossId, stored.crossId);
    assert.match(status.plans['keyless-plan'] ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(status.processingStatus, 'Completed');
    assert.equal(accepted(api)?.observedGeneration, 1);
    assert.ok(api.metadata.finalizers?.includes('finalizers.gravitee.io/apidefinitiondeletion'));
    await eventually('context accepted', () => accepted(loop().context('apim'))?.status === 'True');
    await eventually('an UpdateSucceeded event', () =>
      loop()
        .eventsFor('orders')
        .some((e) => e.reason === 'UpdateSucceeded'),
    );
  });

  /** Context + API applied and accepted at generation 1. */
  async function synced(name: string) {
    loop().kube.apply(loop().contextManifest('apim'));
    loop().kube.apply(loop().apiManifest(name, 'apim'));
    return eventually(`${name} accepted`, () =>
      accepted(loop().api(name))?.status === 'True' ? loop().api(name) : undefined,
    );
  }

  it('update: one new APIM write, same ids', async () => {
    const before = await synced('billing');
    const writes = loop().apimWrites(HRID('billing')).length;
    // Act
    loop().kube.apply(loop().apiManifest('billing', 'apim', { description: 'now with a description' }));
    // Assess
    const after = await eventually('generation 2 accepted', () =>
      accepted(loop().api('billing'))?.observedGeneration === 2 &&
      accepted(loop().api('billing'))?.status === 'True'
        ? loop().api('billing')
        : undefined,
    );
    assert.equal(loop().apimWrites(HRID('billing')).length, writes + 1);
    assert.equal(loop().apim.apis().get(HRID('billing'))?.description, 'now with a description');
    assert.equal((after.status as { id: string }).id, (before.status as { id: string }).id);
    assert.deepEqual((after.status as { plans: unknown }).plans, (before.status as { plans: unknown }).plans);
  });

  it('unchanged re-apply: no APIM write for a metadata-only change or a redelivered change', async () => {
    await synced('catalog');
    const writes = loop().apimWrites(HRID('catalog')).length;
    const current = loop().api('catalog');
    assert.ok(current);
    // Act: a label (metadata only), then the same spec re-applied.
    loop().kube.apply({ ...current, metadata: { ...current.metadata, labels: { team: 'payments' } } });
    loop().kube.apply(loop().apiManifest('catalog', 'apim'));
    await new Promise((r) => setTimeout(r, 2500));
    // Assess
    assert.equal(loop().apimWrites(HRID('catalog')).length, writes);
    assert.equal(accepted(loop().api('catalog'))?.status, 'True');
  });

  it('state STOPPED: the API is stopped in APIM', async () => {
    await synced('shipping');
    loop().kube.apply(loop().apiManifest('shipping', 'apim', { state: 'STOPPED' }));
    await eventually('stopped in APIM', () => loop().apim.apis().get(HRID('shipping'))?.state === 'STOPPED');
    const api = await eventually('status says STOPPED', () =>
      (loop().api('shipping')?.status as { state?: string } | undefined)?.state === 'STOPPED'
        ? loop().api('shipping')
        : undefined,
    );
    assert.equal(accepted(api)?.observedGeneration, 2);
  });

  it('delete: APIM delete first, then the finalizer is released and the resource is gone', async () => {
    await synced('legacy');
    // Act
    loop().kube.delete(resources.api, 'default', 'legacy');
    // Assess
    await eventually('resource gone', () => loop().api('legacy') === undefined);
    assert.equal(loop().apim.apis().has(HRID('legacy')), false);
    const deletes = loop()
      .apim.writes()
      .filter((r) => r.method === 'DELETE' && r.path.endsWith(`/apis/${HRID('legacy')}`));
    assert.equal(deletes.length, 1);
    assert.ok(
      loop()
        .eventsFor('legacy')
        .some((e) => e.reason === 'DeleteSucceeded'),
    );
  });

  it('bad credentials: terminal status naming the 401, and no retry', async () => {
    loop().kube.apply(loop().contextManifest('wrong', { bearerToken: 'not-the-token' }));
    loop().kube.apply(loop().apiManifest('denied', 'wrong'));
    const api = await eventually('API refused', () =>
      accepted(loop().api('denied'))?.status === 'False' &&
      /401/.test(accepted(loop().api('denied'))?.message ?? '')
        ? loop().api('denied')
        : undefined,
    );
    assert.match(
      accepted(api)?.message ?? '',
      /ApiV4Definition default\/denied: APIM PUT .*\/apis answered 401/,
    );
    assert.equal(accepted(api)?.reason, 'ApimUnauthorized');
    const ctx = await eventually('context refused', () =>
      accepted(loop().context('wrong'))?.status === 'False' ? loop().context('wrong') : undefined,
    );
    assert.match(accepted(ctx)?.message ?? '', /answered 401/);
    const attempts = loop()
      .apim.requests()
      .filter((r) => r.method === 'PUT').length;
    await new Promise((r) => setTimeout(r, 2500));
    assert.equal(
      loop()
        .apim.requests()
        .filter((r) => r.method === 'PUT').length,
      attempts,
      'a terminal failure is not retried',
    );
    assert.ok(
      loop()
        .eventsFor('denied')
        .some((e) => e.type === 'Warning' && e.reason === 'UpdateFailed'),
    );
  });

  it('APIM answering 503 then recovering: the change is retried with back-off and synced', async () => {
    loop().kube.apply(loop().contextManifest('apim'));
    await eventually('context accepted', () => accepted(loop().context('apim'))?.status === 'True');
    loop().apim.failNext(2, { status: 503, method: 'PUT' });
    // Act
    loop().kube.apply(loop().apiManifest('flaky', 'apim'));
    // Assess: a status said it was retrying, then it converged.
    await eventually(
      'retrying status',
      () =>
        /retrying in \d+s/.test(accepted(loop().api('flaky'))?.message ?? '') ||
        accepted(loop().api('flaky'))?.status === 'True',
    );
    const api = await eventually(
      'API accepted',
      () => (accepted(loop().api('flaky'))?.status === 'True' ? loop().api('flaky') : undefined),
      30_000,
    );
    assert.ok(loop().apim.apis().has(HRID('flaky')));
    assert.equal(
      loop()
        .apim.requests()
        .filter((r) => r.method === 'PUT' && r.status === 503).length,
      2,
    );
    assert.equal((api.status as { processingStatus: string }).processingStatus, 'Completed');
  });

  it('duplicate and out-of-order deliveries: APIM ends with the latest spec', async () => {
    await synced('inventory');
    loop().kube.apply(loop().apiManifest('inventory', 'apim', { description: 'v2' }));
    await eventually(
      'v2 accepted',
      () =>
        accepted(loop().api('inventory'))?.observedGeneration === 2 &&
        accepted(loop().api('inventory'))?.status === 'True',
    );
    loop().kube.apply(loop().apiManifest('inventory', 'apim', { description: 'v3' }));
    await eventually(
      'v3 accepted',
      () =>
        accepted(loop().api('inventory'))?.observedGeneration === 3 &&
        accepted(loop().api('inventory'))?.status === 'True',
    );
    // Act: replay every change event the watcher sent for this API, oldest first and newest first,
    // under new deduplication ids so the queue delivers them again.
    const sent = loop()
      .traffic.entries.filter(
        (e) =>
          e.startsWith('sqs request') &&
          e.includes('SendMessageBatch') === false &&
          e.includes('"Entries"') &&
          e.includes('inventory'),
      )
      .flatMap((e) =>
        (
          JSON.parse(e.slice('sqs request '.length)) as { Entries: Array<{ MessageBody: string }> }
        ).Entries.map((x) => x.MessageBody),
      )
      .filter((b) => b.includes('"name":"inventory"'));
    assert.ok(sent.length >= 3, `expected the three changes to have been sent, saw ${sent.length}`);
    const queue = loop().stack.changeQueues.ApiV4Definition;
    assert.ok(queue);
    const { SendMessageCommand } = await import('@aws-sdk/client-sqs');
    for (const [i, body] of [...sent, ...[...sent].reverse()].entries()) {
      await loop().awsClients.sqs.send(
        new SendMessageCommand({
          QueueUrl: queue.url,
          MessageBody: body,
          MessageGroupId: 'replay',
          MessageDeduplicationId: `replay-${i}`,
        }),
      );
    }
    await new Promise((r) => setTimeout(r, 4000));
    // Assess
    assert.equal(loop().apim.apis().get(HRID('inventory'))?.description, 'v3');
    assert.equal(accepted(loop().api('inventory'))?.observedGeneration, 3);
    assert.equal(accepted(loop().api('inventory'))?.status, 'True');
  });

  it('a secret value never appears in any queue message, bus event, registry item or log line', async () => {
    loop().kube.apply({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'apim-creds', namespace: 'default' },
      stringData: { username: 'admin', password: 'admin-pass-9d2e' },
    } as never);
    loop().kube.apply(loop().contextManifest('inline'));
    loop().kube.apply(loop().contextManifest('by-ref', { secretRef: { name: 'apim-creds' } }));
    loop().kube.apply(loop().apiManifest('payments', 'by-ref'));
    loop().kube.apply(loop().apiManifest('ledger', 'inline'));
    await eventually(
      'both APIs accepted',
      () =>
        accepted(loop().api('payments'))?.status === 'True' &&
        accepted(loop().api('ledger'))?.status === 'True',
    );
    loop().kube.delete(resources.api, 'default', 'ledger');
    await eventually('ledger gone', () => loop().api('ledger') === undefined);
    // Assess: the credentials reached APIM (the APIs exist) but nothing else.
    const everything = `${loop().traffic.text()}\n${loop().logs.join('')}`;
    assert.ok(loop().traffic.entries.length > 20, 'traffic was recorded');
    for (const secret of [APIM_TOKEN, 'admin-pass-9d2e']) {
      assert.equal(everything.includes(secret), false, `found ${secret} in traffic or logs`);
      assert.equal(
        everything.includes(Buffer.from(secret).toString('base64')),
        false,
        `found base64 of ${secret}`,
      );
    }
  });
});
