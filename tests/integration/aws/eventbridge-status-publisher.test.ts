import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { type AwsClients, createAwsClients } from '../../../lib/aws/clients.ts';
import {
  EventBridgeStatusPublisher,
  StatusPublishError,
} from '../../../lib/aws/eventbridge-status-publisher.ts';
import { type StatusDetail, StatusEventSchema } from '../../../lib/events/status-event.ts';
import { createAwsStack } from '../../support/moto/aws-stack.ts';
import { type MotoServer, startMotoServer } from '../../support/moto/moto-server.ts';
import { statusDetail } from './fixtures.ts';
import { drain } from './queue-receiver.ts';

// moto's EventBridge → SQS envelope has every field AWS sends except `account`; the rest is checked as is.
const MotoStatusEventSchema = StatusEventSchema.omit({ account: true });

const nameOf = (entry: PutEventsRequestEntry) => (JSON.parse(entry.Detail ?? '{}') as StatusDetail).name;

describe('EventBridgeStatusPublisher', () => {
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

  test('a status event reaches its cluster’s status queue through the EventBridge rule and no other cluster’s queue', async () => {
    // Prepare
    const stack = await createAwsStack(moto.clientConfig(), { kinds: [], clusters: ['eu', 'us'] });
    const publisher = new EventBridgeStatusPublisher({
      client: clients.eventBridge,
      eventBusName: stack.eventBus.name,
    });
    const detail = statusDetail({ cluster: 'eu', name: 'echo', outcome: 'SyncFailed' });

    // Act
    await publisher.publish([detail]);

    // Assess
    const eu = await drain(clients.sqs, stack.statusQueues.eu?.url ?? '');
    const us = await drain(clients.sqs, stack.statusQueues.us?.url ?? '');
    assert.equal(eu.length, 1);
    assert.equal(us.length, 0);
    const envelope = MotoStatusEventSchema.parse(JSON.parse(eu[0]?.body ?? '{}'));
    assert.equal(envelope.source, 'io.gravitee.operator');
    assert.equal(envelope['detail-type'], 'Resource Sync Failed');
    assert.deepEqual(envelope.resources, []);
    assert.deepEqual(envelope.detail, detail);
  });

  test('25 status events go out in requests of at most 10 entries, all accepted', async () => {
    // Prepare: a cluster no rule routes (moto spends ~0.2 s delivering each event to SQS; routing is
    // covered above).
    const stack = await createAwsStack(moto.clientConfig(), { kinds: [], clusters: [] });
    const details = Array.from({ length: 25 }, (_, i) =>
      statusDetail({ cluster: 'unrouted', name: `api-${i}` }),
    );
    const requests: number[] = [];
    const failed: number[] = [];
    clients.eventBridge.middlewareStack.add(
      (next, context) => async (args) => {
        const output = await next(args);
        if (context.commandName === 'PutEventsCommand') {
          requests.push((args.input as { Entries: unknown[] }).Entries.length);
          failed.push((output.output as { FailedEntryCount?: number }).FailedEntryCount ?? 0);
        }
        return output;
      },
      { step: 'initialize', name: 'countEntries' },
    );
    const publisher = new EventBridgeStatusPublisher({
      client: clients.eventBridge,
      eventBusName: stack.eventBus.name,
    });

    // Act
    await publisher.publish(details);
    clients.eventBridge.middlewareStack.remove('countEntries');

    // Assess
    // Chunks are sent concurrently, so the requests complete in any order.
    assert.deepEqual(
      requests.sort((a, b) => a - b),
      [5, 10, 10],
    );
    assert.deepEqual(failed, [0, 0, 0]);
  });

  test('when PutEvents fails some entries, only those are sent again (aws-sdk-client-mock: moto never fails entries)', async () => {
    // Prepare: the first request fails the 2nd and 4th entries, the resend succeeds.
    const client = new EventBridgeClient({ region: 'us-east-1' });
    const mock = mockClient(client);
    mock.on(PutEventsCommand).callsFake((input: { Entries: PutEventsRequestEntry[] }) => {
      const first = mock.commandCalls(PutEventsCommand).length === 1;
      const entries = input.Entries.map((entry, i) =>
        first && i % 2 === 1
          ? { ErrorCode: 'InternalFailure', ErrorMessage: 'try again' }
          : { EventId: `${nameOf(entry)}-event` },
      );
      return { FailedEntryCount: entries.filter((e) => 'ErrorCode' in e).length, Entries: entries };
    });
    const publisher = new EventBridgeStatusPublisher({ client, eventBusName: 'bus', baseDelayMs: 1 });
    const details = ['a', 'b', 'c', 'd'].map((name) => statusDetail({ cluster: 'eu', name }));

    // Act
    await publisher.publish(details);

    // Assess
    const calls = mock
      .commandCalls(PutEventsCommand)
      .map((call) => (call.args[0].input.Entries ?? []).map(nameOf));
    assert.deepEqual(calls, [
      ['a', 'b', 'c', 'd'],
      ['b', 'd'],
    ]);
    mock.restore();
  });

  test('entries still failing after maxAttempts are reported lost by name in the error, after the others were sent', async () => {
    // Prepare: entry "b" always fails, "c" is refused as malformed (not retried).
    const client = new EventBridgeClient({ region: 'us-east-1' });
    const mock = mockClient(client);
    mock.on(PutEventsCommand).callsFake((input: { Entries: PutEventsRequestEntry[] }) => {
      const entries = input.Entries.map((entry) => {
        const name = nameOf(entry);
        if (name === 'b') return { ErrorCode: 'ThrottlingException', ErrorMessage: 'slow down' };
        if (name === 'c') return { ErrorCode: 'MalformedDetail', ErrorMessage: 'bad detail' };
        return { EventId: `${name}-event` };
      });
      return { FailedEntryCount: entries.filter((e) => 'ErrorCode' in e).length, Entries: entries };
    });
    const publisher = new EventBridgeStatusPublisher({
      client,
      eventBusName: 'bus',
      maxAttempts: 3,
      baseDelayMs: 1,
    });
    const details = ['a', 'b', 'c'].map((name) => statusDetail({ cluster: 'eu', name }));

    // Act
    const error = await publisher.publish(details).then(
      () => undefined,
      (e: unknown) => e,
    );

    // Assess
    assert.ok(error instanceof StatusPublishError);
    assert.deepEqual(
      error.lost.map((l) => [l.detail.name, l.code]),
      [
        ['c', 'MalformedDetail'],
        ['b', 'ThrottlingException'],
      ],
    );
    assert.match(error.message, /^2 of 3 status events were not published:/);
    assert.match(
      error.message,
      /ApiV4Definition default\/b \(cluster eu, Synced, change change-b\): ThrottlingException: slow down \(gave up after 3 attempts\)/,
    );
    const calls = mock
      .commandCalls(PutEventsCommand)
      .map((call) => (call.args[0].input.Entries ?? []).map(nameOf));
    assert.deepEqual(calls, [['a', 'b', 'c'], ['b'], ['b']]);
    mock.restore();
  });
});
