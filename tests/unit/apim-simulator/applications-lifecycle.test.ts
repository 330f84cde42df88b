import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { topLevelId } from '../../support/apim-simulator/index.ts';
import { applicationArchived, applicationSpec, groupSpec, hridNotFound } from './automation-fixtures.ts';
import { CA_CERTIFICATE_PEM, CLIENT_CERTIFICATE_PEM } from './certificate-fixtures.ts';
import { useSimulator } from './use-simulator.ts';

describe('APIM simulator: automation application lifecycle', () => {
  const { simulator, client } = useSimulator();

  it('creates an application with an id derived from its hrid and keeps it on update', async () => {
    // Act
    const created = await client.put('applications', applicationSpec('billing-app'), { dryRun: 'false' });
    const updated = await client.put('applications', applicationSpec('billing-app', { name: 'Billing v2' }));

    // Assess
    assert.equal(created.status, 200);
    assert.deepEqual(
      { id: created.body?.id, crossId: created.body?.crossId, errors: created.body?.errors },
      {
        id: topLevelId('DEFAULT', 'DEFAULT', 'billing-app'),
        crossId: undefined,
        errors: { severe: [], warning: [] },
      },
    );
    assert.equal(updated.body?.id, created.body?.id);
    assert.equal(updated.body?.name, 'Billing v2');
    assert.equal(simulator.resource('applications', 'billing-app')?.name, 'Billing v2');
  });

  it('answers a dry run with the would-be state and stores nothing', async () => {
    // Act
    const response = await client.dryRun('applications', applicationSpec('billing-app'));

    // Assess
    assert.equal(response.status, 200);
    assert.equal(response.body?.id, topLevelId('DEFAULT', 'DEFAULT', 'billing-app'));
    assert.equal(response.body?.errors, undefined);
    assert.equal(simulator.resources('applications').size, 0);
    assert.deepEqual(simulator.writeCounts(), {});
  });

  it('reads an application back with its status, without the members APIM could not find', async () => {
    // Prepare
    const spec = applicationSpec('billing-app', {
      members: [{ source: 'memory', sourceId: 'jane', role: 'USER' }],
    });
    const created = await client.put('applications', spec);

    // Act
    const read = await client.get('applications/billing-app');

    // Assess
    assert.deepEqual(created.body?.errors, {
      severe: [],
      warning: ['member [jane] of source [memory] could not be found in organization [DEFAULT]'],
    });
    assert.equal(read.status, 200);
    assert.deepEqual(read.body, {
      hrid: 'billing-app',
      name: 'Application billing-app',
      description: 'The billing-app application',
      status: 'ACTIVE',
      id: topLevelId('DEFAULT', 'DEFAULT', 'billing-app'),
      organizationId: 'DEFAULT',
      environmentId: 'DEFAULT',
    });
  });

  it('archives a deleted application, which stays readable and can be deleted again', async () => {
    // Prepare
    await client.put('applications', applicationSpec('billing-app'));

    // Act
    const { deleted, read, deletedAgain } = await client.deleteReadDelete('applications/billing-app');

    // Assess
    assert.deepEqual([deleted.status, read.status, deletedAgain.status], [204, 200, 204]);
    assert.equal(read.body?.status, 'ARCHIVED');
    assert.equal(simulator.lifecycleStatus('applications', 'billing-app'), 'ARCHIVED');
  });

  it('restores an archived application imported again, but refuses to keep it archived', async () => {
    // Prepare
    await client.put('applications', applicationSpec('billing-app'));
    await client.delete('applications/billing-app');

    // Act
    const keptArchived = await client.put(
      'applications',
      applicationSpec('billing-app', { status: 'ARCHIVED' }),
    );
    const restored = await client.put('applications', applicationSpec('billing-app'));

    // Assess
    assert.deepEqual(keptArchived, applicationArchived('Application billing-app'));
    assert.equal(restored.status, 200);
    assert.equal(simulator.lifecycleStatus('applications', 'billing-app'), 'ACTIVE');
  });

  it('answers 404 for an application that never existed', async () => {
    // Act
    const read = await client.get('applications/ghost-app');
    const deleted = await client.delete('applications/ghost-app');

    // Assess
    assert.deepEqual(read, hridNotFound('ghost-app'));
    assert.equal(deleted.status, 404);
  });

  it('drops unknown groups with a warning and reads known ones back by hrid', async () => {
    // Prepare
    await client.put('groups', groupSpec('developers', { name: 'Developers' }));
    const spec = applicationSpec('billing-app', { groups: ['Developers', 'ghosts'] });

    // Act
    const created = await client.put('applications', spec);
    const read = await client.get('applications/billing-app');

    // Assess
    assert.deepEqual(created.body?.errors, {
      severe: [],
      warning: ['Group [ghosts] could not be found in environment [DEFAULT]'],
    });
    assert.deepEqual(created.body?.groups, ['Developers', 'ghosts']);
    assert.deepEqual(read.body?.groups, ['developers']);
  });

  it('removes a deleted group from the applications that referenced it', async () => {
    // Prepare
    await client.put('groups', groupSpec('developers'));
    await client.put('applications', applicationSpec('billing-app', { groups: ['developers'] }));

    // Act
    await client.delete('groups/developers');
    const read = await client.get('applications/billing-app');

    // Assess
    assert.deepEqual(read.body?.groups, []);
  });

  it('rejects a client id another active application of the environment already has', async () => {
    // Prepare
    await client.put(
      'applications',
      applicationSpec('billing-app', { settings: { app: { clientId: 'shared' } } }),
    );
    const duplicate = applicationSpec('invoicing-app', { settings: { app: { clientId: 'shared' } } });
    const expected = `client id [shared] is already defined for application [Application billing-app] with id [${topLevelId('DEFAULT', 'DEFAULT', 'billing-app')}] on environment [DEFAULT]`;

    // Act
    const dryRun = await client.dryRun('applications', duplicate);
    const imported = await client.put('applications', duplicate);

    // Assess
    assert.deepEqual(dryRun.body?.errors, { severe: [expected], warning: [] });
    assert.deepEqual(imported, {
      status: 400,
      body: {
        httpStatus: 400,
        message: `Unable to import because of errors [${expected}]`,
        technicalCode: 'invalid',
      },
    });
    assert.deepEqual([...simulator.resources('applications').keys()], ['billing-app']);
  });

  it('rejects OAuth settings, because dynamic client registration is off', async () => {
    // Prepare
    const oauth = applicationSpec('spa-app', {
      settings: {
        oauth: { applicationType: 'browser', grantTypes: ['authorization_code'], redirectUris: [] },
      },
    });

    // Act
    const response = await client.put('applications', oauth);

    // Assess
    assert.equal(response.status, 400);
    assert.equal(
      response.body?.message,
      'Unable to import because of errors [configuring OAuth requires client registration to be enabled on environment [DEFAULT]]',
    );
  });

  it('lets app and OAuth settings together pass a dry run but fails their import', async () => {
    // Prepare
    const both = applicationSpec('mixed-app', {
      settings: {
        app: { type: 'web' },
        oauth: { applicationType: 'web', grantTypes: ['authorization_code'], redirectUris: [] },
      },
    });

    // Act
    const dryRun = await client.dryRun('applications', both);
    const imported = await client.put('applications', both);

    // Assess
    assert.deepEqual([dryRun.status, dryRun.body?.errors], [200, undefined]);
    assert.deepEqual(imported, {
      status: 400,
      body: {
        httpStatus: 400,
        message: 'Application is defined with a missing type or multiple types (app / oauth)',
        technicalCode: 'application.invalid',
      },
    });
  });

  it('checks TLS client certificates like APIM', async () => {
    // Prepare
    const withTls = (tls: Record<string, unknown>) =>
      applicationSpec('mtls-app', { settings: { app: {}, tls } });
    const cases: Array<[Record<string, unknown>, { severe: string[]; warning: string[] }]> = [
      [
        { clientCertificate: CLIENT_CERTIFICATE_PEM },
        { severe: [], warning: ['clientCertificate is deprecated, use clientCertificates instead'] },
      ],
      [
        {
          clientCertificate: CLIENT_CERTIFICATE_PEM,
          clientCertificates: [{ name: 'a', content: CLIENT_CERTIFICATE_PEM }],
        },
        {
          severe: ['cannot set both clientCertificate and clientCertificates, use clientCertificates only'],
          warning: [],
        },
      ],
      [
        { clientCertificates: [{ name: 'a', content: 'not a certificate' }] },
        { severe: ['certificate is not a valid PEM'], warning: [] },
      ],
      [
        { clientCertificates: [{ name: 'a', content: CA_CERTIFICATE_PEM }] },
        { severe: ['certificate is a CA certificate'], warning: [] },
      ],
      [
        {
          clientCertificates: [
            { name: 'a', content: CLIENT_CERTIFICATE_PEM },
            { name: 'b', content: CLIENT_CERTIFICATE_PEM },
          ],
        },
        { severe: ['client certificate content must be unique'], warning: [] },
      ],
      [
        {
          clientCertificates: [
            {
              name: 'a',
              content: CLIENT_CERTIFICATE_PEM,
              startsAt: '2030-01-01T00:00:00Z',
              endsAt: '2099-01-01T00:00:00Z',
            },
          ],
        },
        { severe: [], warning: ['certificate [a]: endsAt is after certificate expiration date'] },
      ],
      [
        {
          clientCertificates: [
            {
              name: 'a',
              content: CLIENT_CERTIFICATE_PEM,
              startsAt: '2030-01-01T00:00:00Z',
              endsAt: '2029-01-01T00:00:00Z',
            },
          ],
        },
        { severe: ['certificate [a]: startsAt must be before endsAt'], warning: [] },
      ],
    ];

    for (const [tls, expected] of cases) {
      // Act
      const response = await client.dryRun('applications', withTls(tls));

      // Assess
      assert.deepEqual(response.body?.errors, expected, JSON.stringify(tls).slice(0, 120));
    }
  });
});
