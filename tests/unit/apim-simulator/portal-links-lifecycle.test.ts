import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { portalLinkId } from '../../support/apim-simulator/index.ts';
import { linkSpec, portalSpec, stateOf } from './automation-fixtures.ts';
import { useSimulator } from './use-simulator.ts';

const LINKS = 'portals/dev-portal/links';

describe('APIM simulator: portal link lifecycle (extension outside the 4.12.17 spec)', () => {
  const { simulator, client } = useSimulator();
  beforeEach(async () => {
    // Links are only stored for an existing portal.
    assert.equal((await client.put('portals', portalSpec('dev-portal'))).status, 200);
  });

  it('creates a link with an id seeded by the portal id, and keeps it on update', async () => {
    // Act
    const created = await client.put(LINKS, linkSpec('status-page'), { dryRun: 'false' });
    const updated = await client.put(LINKS, linkSpec('status-page', { name: 'Status' }));

    // Assess
    assert.deepEqual(created, {
      status: 200,
      body: stateOf(
        linkSpec('status-page'),
        portalLinkId('DEFAULT', 'DEFAULT', 'dev-portal', 'status-page'),
        {
          portalHrid: 'dev-portal',
        },
      ),
    });
    assert.equal(updated.body?.id, created.body?.id);
    assert.equal(simulator.resource('portals/{portalHrid}/links', 'status-page')?.name, 'Status');
  });

  it('answers a dry run with the would-be state and stores nothing', async () => {
    // Act
    const response = await client.dryRun(LINKS, linkSpec('status-page'));

    // Assess
    assert.equal(response.status, 200);
    assert.equal(response.body?.errors, undefined);
    assert.equal(simulator.resources('portals/{portalHrid}/links').size, 0);
  });

  it('reads a link back with its name and href trimmed', async () => {
    // Prepare
    const sent = linkSpec('status-page', { name: ' Status ', href: ' https://status.example.com ' });
    const created = await client.put(LINKS, sent);

    // Act
    const read = await client.get(`${LINKS}/status-page`);

    // Assess
    assert.equal(created.body?.name, ' Status ');
    assert.deepEqual(
      [read.status, read.body?.name, read.body?.href, read.body?.errors],
      [200, 'Status', 'https://status.example.com', undefined],
    );
  });

  it('deletes a link, after which reading or deleting it is a 404', async () => {
    // Prepare
    await client.put(LINKS, linkSpec('status-page'));

    // Act
    const { deleted, read, deletedAgain } = await client.deleteReadDelete(`${LINKS}/status-page`);

    // Assess
    assert.deepEqual([deleted.status, read.status, deletedAgain.status], [204, 404, 404]);
  });

  it('accepts a link of a missing portal without storing it', async () => {
    // Prepare
    await client.delete('portals/dev-portal');

    // Act
    const created = await client.put(LINKS, linkSpec('status-page'));
    const read = await client.get(`${LINKS}/status-page`);

    // Assess
    assert.deepEqual(
      [created.status, created.body?.id, read.status],
      [200, portalLinkId('DEFAULT', 'DEFAULT', 'dev-portal', 'status-page'), 404],
    );
    assert.deepEqual(simulator.writesTo('portals/{portalHrid}/links'), []);
  });

  it('answers a blocked import with its state and errors, and reports them on a dry run', async () => {
    // Prepare
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [linkSpec('status-page', { name: ' ' }), ['The title field is required and cannot be blank.']],
      [linkSpec('status-page', { href: 'not a url' }), ['Provided url is invalid']],
      [linkSpec('status-page', { location: 'products' }), ["location must start with '/' (was: products)"]],
    ];

    for (const [spec, severe] of cases) {
      // Act
      const dryRun = await client.dryRun(LINKS, spec);
      const imported = await client.put(LINKS, spec);

      // Assess
      assert.deepEqual([dryRun.status, dryRun.body?.errors], [200, { severe, warning: [] }]);
      assert.deepEqual(
        [imported.status, imported.body?.hrid, imported.body?.errors],
        [400, 'status-page', { severe, warning: [] }],
      );
    }
    assert.equal(simulator.resources('portals/{portalHrid}/links').size, 0);
  });

  it('validates link traffic against the extension schema, so a link without href is a request violation', async () => {
    // Prepare
    const { href: _href, ...withoutHref } = linkSpec('status-page');

    // Act
    const response = await client.put(LINKS, withoutHref);

    // Assess
    assert.equal(response.status, 400);
    assert.deepEqual(
      simulator.violations().map((violation) => [violation.kind, violation.operationId]),
      [['request', 'createOrUpdatePortalLink']],
    );
    simulator.reset();
  });

  it('refuses links of a portal other than the established one', async () => {
    // Act
    const response = await client.put('portals/partner-portal/links', linkSpec('status-page'));

    // Assess
    assert.deepEqual(
      [response.status, response.body?.errors],
      [
        400,
        { severe: ['portalHrid does not match the established portal for this environment'], warning: [] },
      ],
    );
  });
});

describe('APIM simulator: portal link extension and releases', () => {
  const { simulator, client } = useSimulator({ apimVersion: '4.11.25' }, 'none');

  it('does not add links to a release without next-gen portals', async () => {
    // Act
    const response = await client.put(LINKS, linkSpec('status-page'));

    // Assess
    assert.equal(response.status, 404);
    assert.deepEqual(
      simulator.violations().map((violation) => violation.kind),
      ['unknown-route'],
    );
  });
});
