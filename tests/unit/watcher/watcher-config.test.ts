import assert from 'node:assert/strict';
import { hostname } from 'node:os';
import { describe, it } from 'node:test';
import { watcherEnvironment } from '../../../lib/watcher/watcher-config.ts';

/** The settings every watcher needs, whatever the switches. */
const required = {
  GSO_CLUSTER: 'prod-eu',
  GSO_CHANGE_QUEUES: JSON.stringify({ ApiV4Definition: 'https://sqs.eu-west-1.amazonaws.com/1/a.fifo' }),
  GSO_STATUS_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/1/status',
  GSO_KMS_KEY_ID: 'alias/gso',
};

describe('watcher environment: leader election and gateway ConfigMap switches', () => {
  it('elects a leader on the default Lease and writes gateway ConfigMaps unless told otherwise', () => {
    // Prepare
    const env = { ...required, GSO_LEASE_NAMESPACE: 'gravitee-serverless-operator' };

    // Act
    const config = watcherEnvironment(env);

    // Assess
    assert.equal(config.GSO_LEADER_ELECTION, true);
    assert.equal(config.GSO_LEASE_NAME, 'gso-watcher-leader');
    assert.equal(config.GSO_LEASE_NAMESPACE, 'gravitee-serverless-operator');
    assert.equal(config.GSO_POD_NAME, hostname(), 'the host name is the identity without GSO_POD_NAME');
    assert.equal(config.GSO_GATEWAY_CONFIGMAPS, true);
  });

  it('refuses leader election without the namespace of its Lease and says where it comes from', () => {
    // Prepare
    const env = { ...required };

    // Act + Assess
    assert.throws(
      () => watcherEnvironment(env),
      /GSO_LEASE_NAMESPACE: required when GSO_LEADER_ELECTION.*downward API/,
    );
  });

  it('needs no Lease namespace with leader election off, and reads both switches as written', () => {
    // Prepare
    const env = {
      ...required,
      GSO_LEADER_ELECTION: 'false',
      GSO_GATEWAY_CONFIGMAPS: 'false',
      GSO_POD_NAME: 'gso-watcher-7d9f-x2k',
      GSO_LEASE_NAME: 'watcher.example.com',
    };

    // Act
    const config = watcherEnvironment(env);

    // Assess
    assert.equal(config.GSO_LEADER_ELECTION, false);
    assert.equal(config.GSO_GATEWAY_CONFIGMAPS, false);
    assert.equal(config.GSO_POD_NAME, 'gso-watcher-7d9f-x2k');
    assert.equal(config.GSO_LEASE_NAME, 'watcher.example.com');
  });

  it('refuses switch values other than true and false, and Lease names Kubernetes would refuse', () => {
    // Prepare
    const base = { ...required, GSO_LEASE_NAMESPACE: 'gso' };

    // Act + Assess
    assert.throws(
      () => watcherEnvironment({ ...base, GSO_GATEWAY_CONFIGMAPS: 'no' }),
      /GSO_GATEWAY_CONFIGMAPS/,
    );
    assert.throws(() => watcherEnvironment({ ...base, GSO_LEADER_ELECTION: 'yes' }), /GSO_LEADER_ELECTION/);
    assert.throws(() => watcherEnvironment({ ...base, GSO_LEASE_NAME: 'Leader_Lease' }), /GSO_LEASE_NAME/);
    assert.throws(
      () => watcherEnvironment({ ...base, GSO_LEASE_NAMESPACE: 'Bad.Namespace' }),
      /GSO_LEASE_NAMESPACE/,
    );
  });
});
