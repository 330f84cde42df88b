import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SEALED_PLACEHOLDER } from '../../../lib/events/sealed.ts';
import type { ClusterObject } from '../../../lib/ports/cluster.ts';
import { collectSecrets } from '../../../lib/watcher/secret-collector.ts';
import {
  clusterObjectOf,
  gkoExampleDocuments,
  referenceData,
  referenceDataOf,
} from './support/reference-data.ts';

function object(kind: string, spec: Record<string, unknown>, namespace = 'default'): ClusterObject {
  return {
    kind,
    metadata: { name: 'thing', namespace, uid: 'u-1', resourceVersion: '3', generation: 1 },
    spec,
  };
}

const valuesByPointer = (values: Array<{ pointer: string; value: string }>) =>
  Object.fromEntries(values.map(({ pointer, value }) => [pointer, value]));

describe('secret collection with templating', () => {
  it('seals the values of the GKO v4 templating example at the templated fields', async () => {
    // Prepare
    const documents = gkoExampleDocuments(
      'apim/api_definition/v4/api-v4-with-templating.yml',
      'apim/api_definition/v2/api-with-templating-secret.yml',
      'apim/api_definition/v2/api-with-templating-config-map.yml',
    );
    const data = referenceDataOf(documents);
    const api = clusterObjectOf(documents, 'ApiV4Definition');

    // Act
    const collected = await collectSecrets('ApiV4Definition', api, data.readers);

    // Assess
    assert.deepEqual(collected.problems, []);
    assert.deepEqual(valuesByPointer(collected.values), {
      '/spec/endpointGroups/0/endpoints/0/configuration/target': 'https://api.gravitee.io/echo',
      '/spec/plans/KeyLess/security/type': 'KEY_LESS',
    });
    const spec = collected.spec as {
      endpointGroups: Array<{ endpoints: Array<{ configuration: { target: string } }> }>;
      plans: { KeyLess: { security: { type: string }; name: string } };
    };
    assert.equal(spec.endpointGroups[0]?.endpoints[0]?.configuration.target, SEALED_PLACEHOLDER);
    assert.equal(spec.plans.KeyLess.security.type, SEALED_PLACEHOLDER);
    assert.equal(spec.plans.KeyLess.name, 'Free plan');
    assert.deepEqual(collected.references, [
      { kind: 'ConfigMap', namespace: 'default', name: 'graviteeio-templating' },
      { kind: 'Secret', namespace: 'default', name: 'graviteeio-templating' },
    ]);
    assert.equal((api.spec as { name: string }).name, 'K8s Basic Example Templating - V4', 'input untouched');
  });

  it('seals the whole rendered string when templates are embedded in text', async () => {
    // Prepare
    const data = referenceData({}, { 'default/env': { host: 'backend.internal', port: '8443' } });
    const api = object('ApiV4Definition', {
      description: 'Served by [[ configmap "env/host" ]]:[[ configmap "env/port" ]].',
    });

    // Act
    const collected = await collectSecrets('ApiV4Definition', api, data.readers);

    // Assess
    assert.deepEqual(collected.values, [
      { pointer: '/spec/description', value: 'Served by backend.internal:8443.' },
    ]);
    assert.equal(collected.spec.description, SEALED_PLACEHOLDER);
    assert.deepEqual(data.reads, ['ConfigMap default/env'], 'one read per ConfigMap per build');
  });

  it('renders in clear a template that reads nothing from the cluster', async () => {
    // Prepare
    const data = referenceData();
    const api = object('ApiV4Definition', { description: 'v[[/* major */]]2 [[- " beta" ]]' });

    // Act
    const collected = await collectSecrets('ApiV4Definition', api, data.readers);

    // Assess
    assert.equal(collected.spec.description, 'v2 beta');
    assert.deepEqual(collected.values, []);
    assert.deepEqual(data.reads, []);
  });

  it('reads the Secrets of the object namespace only', async () => {
    // Prepare
    const data = referenceData({
      'team-a/creds': { token: 'team-a-token' },
      'default/creds': { token: 'default-token' },
    });
    const resource = object(
      'ApiResource',
      { configuration: { token: '[[ secret "creds/token" ]]' } },
      'team-a',
    );

    // Act
    const collected = await collectSecrets('ApiResource', resource, data.readers);

    // Assess
    assert.deepEqual(collected.values, [{ pointer: '/spec/configuration/token', value: 'team-a-token' }]);
  });

  it('reports a missing Secret, a missing key and an empty value without forwarding any value', async () => {
    // Prepare
    const data = referenceData({ 'default/present': { used: 'v-used-1234', empty: '' } });
    const api = object('ApiV4Definition', {
      a: '[[ secret "absent/key" ]]',
      b: '[[ secret "present/nokey" ]]',
      c: '[[ secret "present/empty" ]]',
      d: 'x-[[ secret "present/used" ]]-[[ secret "absent/key" ]]',
    });

    // Act
    const collected = await collectSecrets('ApiV4Definition', api, data.readers);

    // Assess
    assert.deepEqual(
      collected.problems.map((p) => [p.pointer, p.reason, p.recoverable, p.message]),
      [
        ['/spec/a', 'NotFound', true, 'spec.a: Secret default/absent not found'],
        ['/spec/b', 'KeyNotFound', true, 'spec.b: key "nokey" of Secret default/present not found'],
        ['/spec/c', 'KeyNotFound', true, 'spec.c: key "empty" of Secret default/present not found'],
        ['/spec/d', 'NotFound', true, 'spec.d: Secret default/absent not found'],
      ],
    );
    assert.deepEqual(collected.values, [], 'a string is sealed whole or not at all');
    assert.equal(collected.spec.d, 'x-[[ secret "present/used" ]]-[[ secret "absent/key" ]]');
    assert.doesNotMatch(JSON.stringify(collected), /v-used-1234/);
    assert.deepEqual(collected.problems[1]?.reference, {
      kind: 'Secret',
      namespace: 'default',
      name: 'present',
      key: 'nokey',
    });
  });

  it('reports a ConfigMap it may not read as unreadable, not as missing', async () => {
    // Prepare
    const data = referenceData({}, { 'default/locked': { k: 'v' } });
    data.forbidden.add('ConfigMap default/locked');
    const group = object('Group', { name: '[[ configmap "locked/k" ]]' });

    // Act
    const collected = await collectSecrets('Group', group, data.readers);
    const withoutConfigMaps = await collectSecrets('Group', group, { readSecret: data.readers.readSecret });

    // Assess
    assert.deepEqual(
      collected.problems.map((p) => [p.reason, p.message]),
      [['Unreadable', 'spec.name: ConfigMap default/locked could not be read']],
    );
    assert.equal(withoutConfigMaps.problems[0]?.reason, 'Unreadable');
  });

  it('reports a malformed template as a problem only a spec change can fix', async () => {
    // Prepare
    const data = referenceData();
    const api = object('ApiV4Definition', { listeners: [{ paths: [{ path: '/[[ secret "x" ]]' }] }] });

    // Act
    const collected = await collectSecrets('ApiV4Definition', api, data.readers);

    // Assess
    assert.equal(collected.problems.length, 1);
    const [problem] = collected.problems;
    assert.equal(problem?.reason, 'InvalidTemplate');
    assert.equal(problem?.recoverable, false);
    assert.equal(problem?.pointer, '/spec/listeners/0/paths/0/path');
    assert.match(
      problem?.message ?? '',
      /^spec\.listeners\[0\]\.paths\[0\]\.path: invalid template: wrong secret name/,
    );
    assert.deepEqual(data.reads, []);
  });

  it('leaves templates alone in a Notification and when templating is off', async () => {
    // Prepare
    const data = referenceData({ 'default/s': { k: 'value-1' } });
    const spec = { text: '[[ secret "s/k" ]]' };

    // Act
    const notification = await collectSecrets('Notification', object('Notification', spec), data.readers);
    const disabled = await collectSecrets('ApiV4Definition', object('ApiV4Definition', spec), {
      ...data.readers,
      templating: false,
    });

    // Assess
    assert.deepEqual(notification.spec, spec);
    assert.deepEqual(disabled.spec, spec);
    assert.deepEqual([...notification.values, ...disabled.values], []);
    assert.deepEqual(data.reads, []);
  });
});

describe('secret collection of a ManagementContext', () => {
  it('seals a templated bearer token once, with its rendered value', async () => {
    // Prepare
    const data = referenceData({ 'default/apim': { token: 'tok-from-secret' } });
    const context = object('ManagementContext', {
      baseUrl: 'http://apim',
      auth: { bearerToken: '[[ secret "apim/token" ]]' },
    });

    // Act
    const collected = await collectSecrets('ManagementContext', context, data.readers);

    // Assess
    assert.deepEqual(collected.values, [{ pointer: '/spec/auth/bearerToken', value: 'tok-from-secret' }]);
    assert.deepEqual(collected.spec.auth, { bearerToken: SEALED_PLACEHOLDER });
  });

  it('does not take an unresolved template for a credential', async () => {
    // Prepare
    const data = referenceData();
    const context = object('ManagementContext', { auth: { bearerToken: '[[ secret "apim/token" ]]' } });

    // Act
    const collected = await collectSecrets('ManagementContext', context, data.readers);

    // Assess
    assert.deepEqual(collected.values, []);
    assert.deepEqual(collected.spec.auth, { bearerToken: '[[ secret "apim/token" ]]' });
    assert.deepEqual(
      collected.problems.map((p) => p.message),
      ['spec.auth.bearerToken: Secret default/apim not found'],
    );
  });

  it('seals a password that only looks like a malformed template, and names it nowhere', async () => {
    // Prepare
    const data = referenceData();
    const password = 'Zq[[7!k9-pass';
    const context = object('ManagementContext', {
      auth: { credentials: { username: 'admin', password } },
    });

    // Act
    const collected = await collectSecrets('ManagementContext', context, data.readers);

    // Assess
    assert.equal(valuesByPointer(collected.values)['/spec/auth/credentials/password'], password);
    assert.deepEqual(
      collected.problems.map((p) => [p.reason, p.pointer]),
      [['InvalidTemplate', '/spec/auth/credentials/password']],
    );
    assert.match(
      collected.problems[0]?.message ?? '',
      /^spec\.auth\.credentials\.password: invalid template: /,
    );
    assert.equal(JSON.stringify({ ...collected, values: [] }).includes('7!k9'), false);
  });

  it('keeps sealing inline credentials and secretRef values, and reports a missing secretRef', async () => {
    // Prepare
    const data = referenceData({ 'ops/apim-cloud': { cloudToken: 'cloud-1' } });
    const context = object('ManagementContext', {
      auth: { credentials: { username: 'admin', password: 'pw' }, secretRef: { name: 'gone' } },
      cloud: { secretRef: { name: 'apim-cloud', namespace: 'ops' } },
    });

    // Act
    const collected = await collectSecrets('ManagementContext', context, data.readers);

    // Assess
    assert.deepEqual(valuesByPointer(collected.values), {
      '/spec/auth/credentials/username': 'admin',
      '/spec/auth/credentials/password': 'pw',
      '/refs/secrets/ops/apim-cloud/cloudToken': 'cloud-1',
    });
    assert.deepEqual(
      collected.problems.map((p) => [p.pointer, p.reason, p.message]),
      [['/spec/auth/secretRef', 'NotFound', 'spec.auth.secretRef: Secret default/gone not found']],
    );
  });
});

describe('secret collection of Application client certificates', () => {
  it('seals the certificates of the GKO refs example into content and keeps the refs', async () => {
    // Prepare
    const documents = gkoExampleDocuments(
      'apim/application/application-with-client-certs-refs.yml',
      'apim/application/client-cert-secret.yml',
      'apim/application/client-cert-configmap.yml',
    );
    const data = referenceDataOf(documents);
    const application = clusterObjectOf(documents, 'Application');
    const secretCert = data.secrets.get('default/client-cert-secret')?.['tls.crt'];
    const configMapCert = data.configMaps.get('default/client-cert-configmap')?.['cert.pem'];
    assert.ok(secretCert?.startsWith('-----BEGIN CERTIFICATE-----') && configMapCert);

    // Act
    const collected = await collectSecrets('Application', application, data.readers);

    // Assess
    assert.deepEqual(collected.problems, []);
    assert.deepEqual(valuesByPointer(collected.values), {
      '/spec/settings/tls/clientCertificates/0/content': secretCert,
      '/spec/settings/tls/clientCertificates/1/content': configMapCert,
    });
    const certificates = (collected.spec.settings as { tls: { clientCertificates: unknown[] } }).tls
      .clientCertificates;
    assert.deepEqual(certificates[1], {
      name: 'from-configmap',
      ref: { kind: 'configmaps', name: 'client-cert-configmap', key: 'cert.pem' },
      content: SEALED_PLACEHOLDER,
    });
  });

  it('seals the certificates of the GKO templates example through templating', async () => {
    // Prepare
    const documents = gkoExampleDocuments('apim/application/application-with-client-certs-templates.yml');
    const data = referenceDataOf(documents);
    const application = clusterObjectOf(documents, 'Application');

    // Act
    const collected = await collectSecrets('Application', application, data.readers);

    // Assess
    assert.deepEqual(collected.problems, []);
    assert.deepEqual(
      collected.values.map((v) => [v.pointer, v.value.startsWith('-----BEGIN CERTIFICATE-----')]),
      [
        ['/spec/settings/tls/clientCertificates/0/content', true],
        ['/spec/settings/tls/clientCertificates/1/content', true],
      ],
    );
  });

  it('applies the CRD defaults of a ref, follows its namespace and accepts an empty value', async () => {
    // Prepare
    const data = referenceData({
      'certs/shared': { 'tls.crt': 'PEM-shared' },
      'default/blank': { 'tls.crt': '' },
    });
    const application = object('Application', {
      settings: {
        tls: {
          clientCertificates: [
            { ref: { name: 'shared', namespace: 'certs' } },
            { ref: { name: 'blank' }, content: 'inline loses to ref' },
          ],
        },
      },
    });

    // Act
    const collected = await collectSecrets('Application', application, data.readers);

    // Assess
    assert.deepEqual(collected.problems, []);
    assert.deepEqual(valuesByPointer(collected.values), {
      '/spec/settings/tls/clientCertificates/0/content': 'PEM-shared',
      '/spec/settings/tls/clientCertificates/1/content': '',
    });
  });

  it('reports a missing Secret, a missing key and an unknown ref kind at the ref', async () => {
    // Prepare
    const data = referenceData({}, { 'default/certs': { other: 'x' } });
    const application = object('Application', {
      settings: {
        tls: {
          clientCertificates: [
            { ref: { kind: 'secrets', name: 'nowhere', key: 'tls.crt' } },
            { ref: { kind: 'configmaps', name: 'certs', key: 'cert.pem' } },
            { ref: { kind: 'vaults', name: 'x' } },
          ],
        },
      },
    });

    // Act
    const collected = await collectSecrets('Application', application, data.readers);

    // Assess
    assert.deepEqual(
      collected.problems.map((p) => [p.reason, p.recoverable, p.message]),
      [
        ['NotFound', true, 'spec.settings.tls.clientCertificates[0].ref: Secret default/nowhere not found'],
        [
          'KeyNotFound',
          true,
          'spec.settings.tls.clientCertificates[1].ref: key "cert.pem" of ConfigMap default/certs not found',
        ],
        [
          'InvalidReference',
          false,
          'spec.settings.tls.clientCertificates[2].ref: unsupported kind "vaults" (secrets or configmaps)',
        ],
      ],
    );
    assert.deepEqual(collected.values, []);
  });
});
