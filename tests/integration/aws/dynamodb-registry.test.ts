import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type AwsClients, createAwsClients } from '../../../lib/aws/clients.ts';
import { DynamoDbRegistry } from '../../../lib/aws/dynamodb-registry.ts';
import { RegistryConflictError } from '../../../lib/ports/registry.ts';
import type { ResourceRecord } from '../../../lib/registry/resource-record.ts';
import { type ResourceKey, resourceKeyString } from '../../../lib/resource-key.ts';
import { createAwsStack } from '../../support/moto/aws-stack.ts';
import { type MotoServer, startMotoServer } from '../../support/moto/moto-server.ts';
import { changeEvent, statusDetail } from './fixtures.ts';

const key = (name: string, kind = 'ApiV4Definition'): ResourceKey => ({
  cluster: 'dev',
  kind,
  namespace: 'default',
  name,
});
const context = key('apim', 'ManagementContext');

function record(name: string, version: number, references: ResourceKey[] = []): ResourceRecord {
  return {
    key: key(name),
    uid: `uid-${name}`,
    generation: version,
    change: changeEvent({ name, revision: version, spec: { zeta: 1, alpha: { nested: [3, 1, 2] }, name } }),
    references,
    version,
    updatedAt: `2026-11-21T09:00:0${version}Z`,
  };
}

const sortedNames = (keys: ResourceKey[]) => keys.map(resourceKeyString).sort();

describe('DynamoDbRegistry against moto DynamoDB', () => {
  let moto: MotoServer;
  let clients: AwsClients;
  let registry: DynamoDbRegistry;

  before(async () => {
    moto = await startMotoServer();
    clients = createAwsClients(moto.clientConfig());
    const stack = await createAwsStack(moto.clientConfig(), { kinds: [], clusters: [] });
    registry = new DynamoDbRegistry({ client: clients.documentClient, tableName: stack.table.name });
  });

  after(async () => {
    clients?.destroy();
    await moto?.stop();
  });

  test('a stored record reads back identical, its change event byte for byte', async () => {
    // Prepare
    const stored: ResourceRecord = {
      ...record('echo', 1, [context]),
      appliedHash: 'f00d',
      status: statusDetail({ cluster: 'dev', name: 'echo' }),
      deleted: false,
    };

    // Act
    await registry.put(stored);
    const read = await registry.get(stored.key);

    // Assess
    assert.deepEqual(read, stored);
    assert.equal(JSON.stringify(read?.change), JSON.stringify(stored.change), 'key order is kept');
    assert.equal(await registry.get(key('never-stored')), undefined);
  });

  test('a write that does not follow the stored version is a conflict and changes nothing', async () => {
    // Prepare
    await registry.put(record('versioned', 1));

    // Act + Assess: creating again, skipping a version, then the right next version.
    await assert.rejects(registry.put(record('versioned', 1)), RegistryConflictError);
    await assert.rejects(registry.put(record('versioned', 3)), RegistryConflictError);
    await registry.put(record('versioned', 2));
    assert.equal((await registry.get(key('versioned')))?.version, 2);
  });

  test('of two concurrent writers of the same version, exactly one wins', async () => {
    // Prepare
    await registry.put(record('raced', 1));

    // Act: one writer also changes references (a transaction), the other does not (a conditional put).
    const results = await Promise.allSettled([
      registry.put(record('raced', 2, [context])),
      registry.put(record('raced', 2)),
    ]);

    // Assess
    const rejected = results.filter((r) => r.status === 'rejected');
    assert.equal(rejected.length, 1, JSON.stringify(results));
    assert.ok((rejected[0] as PromiseRejectedResult).reason instanceof RegistryConflictError);
    const winner = results[0]?.status === 'fulfilled' ? [resourceKeyString(key('raced'))] : [];
    assert.deepEqual(
      sortedNames(await registry.dependents(context)).filter((n) => n.endsWith('/raced')),
      winner,
    );
  });

  test('dependents follow the references as they are added, dropped and removed', async () => {
    // Prepare
    const target = key('shared-context', 'ManagementContext');
    const other = key('other-context', 'ManagementContext');
    await registry.put(record('api-a', 1, [target]));
    await registry.put(record('api-b', 1, [target, other, target]));

    // Act + Assess: both reference the context.
    assert.deepEqual(sortedNames(await registry.dependents(target)), [
      'dev/ApiV4Definition/default/api-a',
      'dev/ApiV4Definition/default/api-b',
    ]);

    // Act + Assess: api-a moves to the other context.
    await registry.put(record('api-a', 2, [other]));
    assert.deepEqual(sortedNames(await registry.dependents(target)), ['dev/ApiV4Definition/default/api-b']);
    assert.deepEqual(sortedNames(await registry.dependents(other)), [
      'dev/ApiV4Definition/default/api-a',
      'dev/ApiV4Definition/default/api-b',
    ]);

    // Act + Assess: api-b is removed with its references; removing again is a no-op.
    await registry.remove(key('api-b'));
    await registry.remove(key('api-b'));
    assert.equal(await registry.get(key('api-b')), undefined);
    assert.deepEqual(sortedNames(await registry.dependents(target)), []);
    assert.deepEqual(sortedNames(await registry.dependents(other)), ['dev/ApiV4Definition/default/api-a']);

    // Act + Assess: a removed resource can be created again from version 1.
    await registry.put(record('api-b', 1));
    assert.equal((await registry.get(key('api-b')))?.version, 1);
  });
});
