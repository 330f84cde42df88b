import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type AwsClients, createAwsClients } from '../../../lib/aws/clients.ts';
import { SqsChangePublisher } from '../../../lib/aws/sqs-change-publisher.ts';
import { DEAD_LETTER_REASON_ATTRIBUTE, SqsDeadLetter } from '../../../lib/aws/sqs-dead-letter.ts';
import { SqsMessageSource } from '../../../lib/aws/sqs-message-source.ts';
import { SqsRetryScheduler } from '../../../lib/aws/sqs-retry-scheduler.ts';
import type { ChangeEvent } from '../../../lib/events/change-event.ts';
import { createAwsStack, queueUrlsOf } from '../../support/moto/aws-stack.ts';
import { type MotoServer, startMotoServer } from '../../support/moto/moto-server.ts';
import { changeEvent } from './fixtures.ts';
import { drain } from './queue-receiver.ts';

const API = 'ApiV4Definition';

describe('SQS receive, retry and dead-letter adapters against moto', () => {
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

  test('a change postponed by the retry scheduler more than maxReceiveCount times ends up in the dead-letter queue', async () => {
    // Prepare: a queue that redrives after 2 deliveries, and one change on it.
    const stack = await createAwsStack(moto.clientConfig(), { kinds: [API], maxReceiveCount: 2 });
    const queue = stack.changeQueues[API];
    assert.ok(queue);
    const event = changeEvent({ kind: API, name: 'flaky' });
    assert.deepEqual(
      await new SqsChangePublisher({ client: clients.sqs, queueUrls: queueUrlsOf(stack) }).publish([event]),
      [],
    );
    const source = new SqsMessageSource({ client: clients.sqs, queueUrl: queue.url });
    const retries = new SqsRetryScheduler({ client: clients.sqs, queueUrl: queue.url });

    // Act: every delivery fails and is made visible again at once.
    const attempts: number[] = [];
    for (let receive = 1; receive <= 3; receive++) {
      const [message] = await source.receive(10, 0);
      if (!message) break;
      attempts.push(message.attempt);
      await retries.postpone(message.receiptHandle, 0);
    }

    // Assess: two deliveries, then the queue moved it to its DLQ, body untouched.
    assert.deepEqual(attempts, [1, 2]);
    const dead = await new SqsMessageSource({ client: clients.sqs, queueUrl: queue.deadLetter.url }).receive(
      10,
      0,
    );
    assert.equal(dead.length, 1);
    assert.equal((JSON.parse(dead[0]?.body ?? '{}') as ChangeEvent).id, event.id);
  });

  test('the dead-letter adapter lands a record in the FIFO DLQ with its reason, once even if sent twice', async () => {
    // Prepare
    const stack = await createAwsStack(moto.clientConfig(), { kinds: [API] });
    const dlqUrl = stack.changeQueues[API]?.deadLetter.url ?? '';
    const deadLetter = new SqsDeadLetter({ client: clients.sqs, queueUrl: dlqUrl });
    const body = '{"not":"a change event"}';

    // Act: a retried invocation dead-letters the same record again.
    await deadLetter.send(body, 'MalformedRecord: missing specversion', { messageId: 'm-1', empty: '' });
    await deadLetter.send(body, 'MalformedRecord: missing specversion', { messageId: 'm-1' });

    // Assess
    const received = await drain(clients.sqs, dlqUrl);
    assert.equal(received.length, 1);
    assert.equal(received[0]?.body, body);
    assert.equal(received[0]?.groupId, 'dead-letter');
    assert.deepEqual(received[0]?.attributes, {
      [DEAD_LETTER_REASON_ATTRIBUTE]: 'MalformedRecord: missing specversion',
      messageId: 'm-1',
    });
  });

  test('an acknowledged message is gone and a postponed one comes back with the next attempt number', async () => {
    // Prepare
    const stack = await createAwsStack(moto.clientConfig(), { clusters: ['dev'] });
    const queueUrl = stack.statusQueues.dev?.url ?? '';
    const source = new SqsMessageSource({ client: clients.sqs, queueUrl });
    const sender = new SqsDeadLetter({ client: clients.sqs, queueUrl }); // any SendMessage will do
    await sender.send('first', 'test');
    await sender.send('second', 'test');

    // Act
    const delivered = await source.receive(10, 0);
    for (const message of delivered) {
      if (message.body === 'first') await source.ack(message);
      else await source.postpone(message, 0);
    }
    const redelivered = await source.receive(10, 0);

    // Assess
    assert.deepEqual(delivered.map((m) => [m.body, m.attempt]).sort(), [
      ['first', 1],
      ['second', 1],
    ]);
    assert.deepEqual(
      redelivered.map((m) => [m.body, m.attempt]),
      [['second', 2]],
    );
  });

  test('aborting a long poll resolves at once with no messages', async () => {
    // Prepare: an empty queue and a 20 s long poll.
    const stack = await createAwsStack(moto.clientConfig(), { clusters: ['dev'] });
    const source = new SqsMessageSource({ client: clients.sqs, queueUrl: stack.statusQueues.dev?.url ?? '' });
    const controller = new AbortController();
    const started = Date.now();

    // Act
    setTimeout(() => controller.abort(), 200);
    const messages = await source.receive(10, 20, controller.signal);

    // Assess
    assert.deepEqual(messages, []);
    assert.ok(Date.now() - started < 5_000, `returned after ${Date.now() - started} ms`);
    assert.deepEqual(
      await source.receive(10, 20, controller.signal),
      [],
      'an already aborted signal does not poll',
    );
  });
});
