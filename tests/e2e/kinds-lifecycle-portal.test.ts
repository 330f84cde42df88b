import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  apiDocumentationId,
  portalLinkId,
  portalScopedId,
  topLevelId,
} from '../support/apim-simulator/index.ts';
import { pick, statusOf, useKindLoop } from '../support/e2e/kind-loop.ts';
import {
  documentationManifest,
  portalLinkManifest,
  portalListingManifest,
  portalManifest,
} from '../support/factories/gko-kinds.ts';

const ORG = 'DEFAULT';
const ENV = 'DEFAULT';
const UNCHANGED = /^Unchanged: APIM already has this definition/;
const PORTAL_HRID = 'default-partners';
const LISTINGS = 'portals/{portalHrid}/listings';
const LINKS = 'portals/{portalHrid}/links';
const PORTAL_PAGES = 'portals/{portalHrid}/documentations';
const API_PAGES = 'apis/{apiHrid}/documentations';

/** Method and last path segment of a recorded request. */
const call = (request: { method: string; path: string } | undefined) => [
  request?.method,
  request?.path.split('/').pop(),
];

describe('portals and what hangs under them over the whole loop', () => {
  const kinds = useKindLoop();

  /** Prepare step shared by the portal's children: the context and the portal `partners`, accepted. */
  async function portal() {
    const k = kinds();
    await k.context();
    k.apply(portalManifest('partners', 'apim'));
    await k.accepted('Portal', 'partners', 1);
  }

  it('a Portal is created, updated, left alone when unchanged and deleted', async () => {
    const k = kinds();
    // Prepare
    await k.context();

    // Act: create
    const manifest = portalManifest('partners', 'apim');
    k.apply(manifest);
    // Assess
    const created = statusOf(await k.accepted('Portal', 'partners', 1));
    assert.equal(created.id, topLevelId(ORG, ENV, PORTAL_HRID));
    assert.deepEqual(pick(created, ['organizationId', 'environmentId']), {
      organizationId: ORG,
      environmentId: ENV,
    });
    assert.equal(k.apim.resource('portals', PORTAL_HRID)?.name, 'Partner portal');

    // Act: update
    k.revise('Portal', 'partners', { ...manifest.spec, name: 'Partner developer portal' });
    // Assess
    const updated = statusOf(await k.accepted('Portal', 'partners', 2));
    assert.equal(updated.id, created.id);
    assert.equal(k.apim.writesTo('portals').length, 2);
    assert.equal(k.apim.resource('portals', PORTAL_HRID)?.name, 'Partner developer portal');

    // Act: unchanged
    const redelivered = await k.leaveUnchanged('Portal', 'partners');
    // Assess
    assert.deepEqual(redelivered.status?.apim, []);
    await k.accepted('Portal', 'partners', 2, UNCHANGED);
    assert.equal(k.apim.writesTo('portals').length, 2);

    // Act: delete
    await k.deleteAndWaitGone('Portal', 'partners');
    // Assess
    assert.deepEqual(call(k.apim.writesTo('portals').at(-1)), ['DELETE', PORTAL_HRID]);
    assert.equal(k.apim.resource('portals', PORTAL_HRID), undefined);
    assert.ok(k.eventReasons('partners').includes('DeleteSucceeded'));
    assert.deepEqual(k.apim.writeCounts(), { portals: 3 });
  });

  it('a PortalListing is created, updated, left alone when unchanged and deleted', async () => {
    const k = kinds();
    const hrid = 'default-partner-apis';
    const scope = { parentHrid: PORTAL_HRID };
    // Prepare: the portal and a v4 API of the same context
    await portal();
    k.apply(k.loop.apiManifest('orders', 'apim'));
    await k.accepted('ApiV4Definition', 'orders', 1);

    // Act: create
    const manifest = portalListingManifest('partner-apis', 'partners', ['orders']);
    k.apply(manifest);
    // Assess
    const created = statusOf(await k.accepted('PortalListing', 'partner-apis', 1));
    assert.equal(created.id, portalScopedId(ORG, ENV, PORTAL_HRID, hrid));
    assert.deepEqual(k.apim.resource(LISTINGS, hrid, scope)?.apis, [
      { apiHrid: 'default-orders', location: '/', order: 0 },
    ]);

    // Act: update
    k.revise('PortalListing', 'partner-apis', {
      ...manifest.spec,
      apis: [{ ref: { name: 'orders' }, location: '/', order: 7 }],
    });
    // Assess
    const updated = statusOf(await k.accepted('PortalListing', 'partner-apis', 2));
    assert.equal(updated.id, created.id);
    assert.equal(k.apim.writesTo(LISTINGS).length, 2);
    assert.deepEqual(k.apim.resource(LISTINGS, hrid, scope)?.apis, [
      { apiHrid: 'default-orders', location: '/', order: 7 },
    ]);

    // Act: unchanged
    const redelivered = await k.leaveUnchanged('PortalListing', 'partner-apis');
    // Assess
    assert.deepEqual(redelivered.status?.apim, []);
    await k.accepted('PortalListing', 'partner-apis', 2, UNCHANGED);
    assert.equal(k.apim.writesTo(LISTINGS).length, 2);

    // Act: delete
    await k.deleteAndWaitGone('PortalListing', 'partner-apis');
    // Assess
    assert.deepEqual(call(k.apim.writesTo(LISTINGS).at(-1)), ['DELETE', hrid]);
    assert.equal(k.apim.resource(LISTINGS, hrid, scope), undefined);
    assert.ok(k.eventReasons('partner-apis').includes('DeleteSucceeded'));
    assert.deepEqual(k.apim.writeCounts(), { apis: 1, portals: 1, [LISTINGS]: 3 });
  });

  it('a PortalLink is created, updated, left alone when unchanged and deleted', async () => {
    const k = kinds();
    const hrid = 'default-status-page';
    const scope = { parentHrid: PORTAL_HRID };
    // Prepare
    await portal();

    // Act: create
    const manifest = portalLinkManifest('status-page', 'partners');
    k.apply(manifest);
    // Assess
    const created = statusOf(await k.accepted('PortalLink', 'status-page', 1));
    assert.equal(created.id, portalLinkId(ORG, ENV, PORTAL_HRID, hrid));
    assert.deepEqual(pick(k.apim.resource(LINKS, hrid, scope), ['name', 'href']), {
      name: 'Service status',
      href: 'https://status.example.com',
    });

    // Act: update
    k.revise('PortalLink', 'status-page', { ...manifest.spec, href: 'https://status.example.com/partners' });
    // Assess
    const updated = statusOf(await k.accepted('PortalLink', 'status-page', 2));
    assert.equal(updated.id, created.id);
    assert.equal(k.apim.writesTo(LINKS).length, 2);
    assert.equal(k.apim.resource(LINKS, hrid, scope)?.href, 'https://status.example.com/partners');

    // Act: unchanged
    const redelivered = await k.leaveUnchanged('PortalLink', 'status-page');
    // Assess
    assert.deepEqual(redelivered.status?.apim, []);
    await k.accepted('PortalLink', 'status-page', 2, UNCHANGED);
    assert.equal(k.apim.writesTo(LINKS).length, 2);

    // Act: delete
    await k.deleteAndWaitGone('PortalLink', 'status-page');
    // Assess
    assert.deepEqual(call(k.apim.writesTo(LINKS).at(-1)), ['DELETE', hrid]);
    assert.equal(k.apim.resource(LINKS, hrid, scope), undefined);
    assert.ok(k.eventReasons('status-page').includes('DeleteSucceeded'));
    assert.deepEqual(k.apim.writeCounts(), { portals: 1, [LINKS]: 3 });
  });

  it('a portal Documentation page is created, updated, left alone when unchanged and deleted', async () => {
    const k = kinds();
    const hrid = 'default-getting-started';
    const scope = { parentHrid: PORTAL_HRID };
    // Prepare
    await portal();

    // Act: create
    const manifest = documentationManifest('getting-started', { portalRef: { name: 'partners' } });
    k.apply(manifest);
    // Assess
    const created = statusOf(await k.accepted('Documentation', 'getting-started', 1));
    assert.equal(created.id, portalScopedId(ORG, ENV, PORTAL_HRID, hrid));
    assert.deepEqual(pick(k.apim.resource(PORTAL_PAGES, hrid, scope), ['name', 'type', 'content']), {
      name: 'Getting started',
      type: 'GRAVITEE_MARKDOWN',
      content: '# Getting started\n\nAsk for an API key, then call the API.',
    });

    // Act: update
    k.revise('Documentation', 'getting-started', {
      ...manifest.spec,
      content: '# Getting started\n\nSign up.',
    });
    // Assess
    const updated = statusOf(await k.accepted('Documentation', 'getting-started', 2));
    assert.equal(updated.id, created.id);
    assert.equal(k.apim.writesTo(PORTAL_PAGES).length, 2);
    assert.equal(k.apim.resource(PORTAL_PAGES, hrid, scope)?.content, '# Getting started\n\nSign up.');

    // Act: unchanged
    const redelivered = await k.leaveUnchanged('Documentation', 'getting-started');
    // Assess
    assert.deepEqual(redelivered.status?.apim, []);
    await k.accepted('Documentation', 'getting-started', 2, UNCHANGED);
    assert.equal(k.apim.writesTo(PORTAL_PAGES).length, 2);

    // Act: delete
    await k.deleteAndWaitGone('Documentation', 'getting-started');
    // Assess
    assert.deepEqual(call(k.apim.writesTo(PORTAL_PAGES).at(-1)), ['DELETE', hrid]);
    assert.equal(k.apim.resource(PORTAL_PAGES, hrid, scope), undefined);
    assert.ok(k.eventReasons('getting-started').includes('DeleteSucceeded'));
    assert.deepEqual(k.apim.writeCounts(), { portals: 1, [PORTAL_PAGES]: 3 });
  });

  it('an API Documentation page is created, updated, left alone when unchanged and deleted', async () => {
    const k = kinds();
    const apiHrid = 'default-orders';
    const hrid = 'default-orders-guide';
    const scope = { parentHrid: apiHrid };
    // Prepare
    await k.context();
    k.apply(k.loop.apiManifest('orders', 'apim'));
    await k.accepted('ApiV4Definition', 'orders', 1);

    // Act: create
    const manifest = documentationManifest('orders-guide', { apiRef: { name: 'orders' } });
    k.apply(manifest);
    // Assess
    const created = statusOf(await k.accepted('Documentation', 'orders-guide', 1));
    assert.equal(created.id, apiDocumentationId(ORG, ENV, apiHrid, hrid));
    assert.equal(k.apim.resource(API_PAGES, hrid, scope)?.name, 'Getting started');

    // Act: update
    k.revise('Documentation', 'orders-guide', { ...manifest.spec, name: 'Orders: getting started' });
    // Assess
    const updated = statusOf(await k.accepted('Documentation', 'orders-guide', 2));
    assert.equal(updated.id, created.id);
    assert.equal(k.apim.writesTo(API_PAGES).length, 2);
    assert.equal(k.apim.resource(API_PAGES, hrid, scope)?.name, 'Orders: getting started');

    // Act: unchanged
    const redelivered = await k.leaveUnchanged('Documentation', 'orders-guide');
    // Assess
    assert.deepEqual(redelivered.status?.apim, []);
    await k.accepted('Documentation', 'orders-guide', 2, UNCHANGED);
    assert.equal(k.apim.writesTo(API_PAGES).length, 2);

    // Act: delete
    await k.deleteAndWaitGone('Documentation', 'orders-guide');
    // Assess
    assert.deepEqual(call(k.apim.writesTo(API_PAGES).at(-1)), ['DELETE', hrid]);
    assert.equal(k.apim.resource(API_PAGES, hrid, scope), undefined);
    assert.ok(k.eventReasons('orders-guide').includes('DeleteSucceeded'));
    assert.deepEqual(k.apim.writeCounts(), { apis: 1, [API_PAGES]: 3 });
  });
});
