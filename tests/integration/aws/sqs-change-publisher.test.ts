import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type AwsClients, createAwsClients } from '../../../lib/aws/clients.ts';
import { SqsChangePublisher } from '../../../lib/aws/sqs-change-publisher.ts';
import { type ChangeEvent, changeGroupId } from '../../../lib/events/change-event.ts';
import { createAwsStack, queueUrlsOf } from '../../support/moto/aws-stack.ts';
import { type MotoServer, startMotoServer } from '../../support/moto/moto-server.ts';
import { changeEvent } from './fixtures.ts';
import { drain } from './queue-receiver.ts';

const API = 'ApiV4Definition';
const CONTEXT = 'ManagementContext';

describe('SqsChangePublisher against moto SQS FIFO', () => {
  let moto: MotoServer;
  let clients: AwsClients;

  before(async () => {
    moto = await startMotoServer();
    clients = createAwsClients(moto.clientConfig());
  });

  after(async () => {
    clients?.destroy();
    await moto?.stop();
  });

  test('25 changes of two kinds reach their kinds’ FIFO queues in batches of at most 10, each object in its own group and in order', async () => {
    // Prepare: 5 APIs × 3 revisions and 5 contexts × 2 revisions, interleaved as a watcher would see them.
    const stack = await createAwsStack(moto.clientConfig(), { kinds: [API, CONTEXT] });
    const events: ChangeEvent[] = [];
    for (let revision = 1; revision <= 3; revision++) {
      for (let i = 1; i <= 5; i++) {
        events.push(changeEvent({ kind: API, name: `api-${i}`, revision }));
        if (revision <= 2) events.push(changeEvent({ kind: CONTEXT, name: `ctx-${i}`, revision }));
      }
    }
    assert.equal(events.length, 25);
    const batchSizes: number[] = [];
    clients.sqs.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'SendMessageBatchCommand') {
          batchSizes.push((args.input as { Entries: unknown[] }).Entries.length);
        }
        return next(args);
      },
      { step: 'initialize', name: 'countBatchEntries' },
    );
    const publisher = new SqsChangePublisher({ client: clients.sqs, queueUrls: queueUrlsOf(stack) });

    // Act
    const failures = await publisher.publish(events);
    clients.sqs.middlewareStack.remove('countBatchEntries');

    // Assess
    assert.deepEqual(failures, []);
    assert.ok(
      batchSizes.every((size) => size >= 1 && size <= 10),
      `batch sizes ${batchSizes}`,
    );
    assert.equal(
      batchSizes.reduce((a, b) => a + b, 0),
      25,
    );
    for (const [kind, expectedCount] of [
      [API, 15],
      [CONTEXT, 10],
    ] as const) {
      const received = await drain(clients.sqs, stack.changeQueues[kind]?.url ?? '', expectedCount);
      assert.equal(received.length, expectedCount, `${kind} messages`);
      const revisionsByGroup = new Map<string, number[]>();
      for (const message of received) {
        const event = JSON.parse(message.body) as ChangeEvent;
        assert.equal(event.data.kind, kind);
        assert.equal(message.groupId, changeGroupId(event.data));
        assert.deepEqual(message.attributes, { kind, changeType: 'applied' });
        assert.deepEqual(
          event,
          events.find((e) => e.id === event.id),
        );
        const group = message.groupId ?? '';
        revisionsByGroup.set(group, [...(revisionsByGroup.get(group) ?? []), event.data.metadata.generation]);
      }
      assert.equal(revisionsByGroup.size, 5);
      for (const [group, revisions] of revisionsByGroup) {
        assert.deepEqual(revisions, kind === API ? [1, 2, 3] : [1, 2], `order in ${group}`);
      }
    }
  });

  test('the same change published twice is delivered once (FIFO deduplication on the event id)', async () => {
    // Prepare
    const stack = await createAwsStack(moto.clientConfig(), { kinds: [API] });
    const publisher = new SqsChangePublisher({ client: clients.sqs, queueUrls: queueUrlsOf(stack) });
    const event = changeEvent({ kind: API, name: 'echo', revision: 7 });

    // Act: a watch restart replays the same change.
    const first = await publisher.publish([event]);
    const second = await publisher.publish([structuredClone(event)]);

    // Assess
    assert.deepEqual([first, second], [[], []]);
    const received = await drain(clients.sqs, stack.changeQueues[API]?.url ?? '');
    assert.equal(received.length, 1);
    assert.equal((JSON.parse(received[0]?.body ?? '{}') as ChangeEvent).id, event.id);
  });

  test('an oversized change is a permanent failure naming the resource, its size and the limit, while the others are sent', async () => {
    // Prepare
    const stack = await createAwsStack(moto.clientConfig(), { kinds: [API] });
    const publisher = new SqsChangePublisher({ client: clients.sqs, queueUrls: queueUrlsOf(stack) });
    const big = changeEvent({
      kind: API,
      namespace: 'apis',
      name: 'huge',
      spec: { pages: 'x'.repeat(300_000) },
    });
    const small = changeEvent({ kind: API, namespace: 'apis', name: 'small' });

    // Act
    const failures = await publisher.publish([big, small]);

    // Assess
    assert.equal(failures.length, 1);
    const [failure] = failures;
    assert.equal(failure?.event, big);
    assert.equal(failure?.permanent, true);
    assert.equal(failure?.code, 'MessageTooLarge');
    assert.match(
      failure?.message ?? '',
      /^ApiV4Definition apis\/huge: change message is 3\d{5} bytes, over the SQS limit of 262144 bytes/,
    );
    const received = await drain(clients.sqs, stack.changeQueues[API]?.url ?? '');
    assert.deepEqual(
      received.map((m) => (JSON.parse(m.body) as ChangeEvent).subject),
      ['apis/small'],
    );
  });

  test('a change of a kind without a queue is a permanent failure naming the resource', async () => {
    // Prepare
    const stack = await createAwsStack(moto.clientConfig(), { kinds: [API] });
    const publisher = new SqsChangePublisher({ client: clients.sqs, queueUrls: queueUrlsOf(stack) });
    const stray = changeEvent({ kind: 'Subscription', name: 'sub' });

    // Act
    const failures = await publisher.publish([stray]);

    // Assess
    assert.equal(failures.length, 1);
    assert.equal(failures[0]?.code, 'UnknownKind');
    assert.equal(failures[0]?.permanent, true);
    assert.match(
      failures[0]?.message ?? '',
      /^Subscription default\/sub: no change queue is configured for kind Subscription/,
    );
  });
});
