import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deletionIssues } from '../../../lib/admission/deletion-issues.ts';
import { apiV2, apiV4, application, context, lookupOf, resource, subscription } from './support/cluster.ts';

const messagesOf = (issues: ReturnType<typeof deletionIssues>) => issues.map((i) => i.message);

describe('deletion guards', () => {
  it('a context still used by an API and an application cannot be deleted', () => {
    // Prepare
    const lookup = lookupOf([
      context(),
      apiV4('echo'),
      application('client'),
      apiV4('other', { contextRef: { name: 'prod-ctx' } }),
    ]);

    // Act
    const issues = deletionIssues(context(), lookup);

    // Assess
    assert.deepEqual(messagesOf(issues), [
      'ApiV4Definition default/echo still references this ManagementContext; delete it first',
      'Application default/client still references this ManagementContext; delete it first',
    ]);
  });

  it('an API with a subscription cannot be deleted, one of the other kind with the same name can', () => {
    // Prepare
    const lookup = lookupOf([
      context(),
      apiV4('echo'),
      apiV2('echo'),
      application('client'),
      subscription('echo', 'client', 'gold'),
    ]);

    // Act
    const v4 = deletionIssues(apiV4('echo'), lookup);
    const v2 = deletionIssues(apiV2('echo'), lookup);

    // Assess
    assert.deepEqual(messagesOf(v4), [
      'Subscription default/client-to-echo still references this ApiV4Definition; delete it first',
    ]);
    assert.deepEqual(v2, []);
  });

  it('a shared policy group used in a plan flow cannot be deleted', () => {
    // Prepare
    const group = resource('SharedPolicyGroup', 'rate', { apiType: 'PROXY', phase: 'REQUEST' });
    const api = apiV4('echo', {
      plans: {
        free: {
          name: 'Free',
          security: { type: 'KEY_LESS' },
          flows: [{ request: [{ sharedPolicyGroupRef: { name: 'rate' } }] }],
        },
      },
    });

    // Act
    const issues = deletionIssues(group, lookupOf([group, api]));

    // Assess
    assert.deepEqual(messagesOf(issues), [
      'ApiV4Definition default/echo still references this SharedPolicyGroup; delete it first',
    ]);
  });

  it('a portal with a link and a listing cannot be deleted; without a list nothing is known', () => {
    // Prepare
    const portal = resource('Portal', 'main', { contextRef: { name: 'dev-ctx' } });
    const link = resource('PortalLink', 'docs', {
      portalRef: { name: 'main' },
      name: 'Docs',
      href: 'https://d',
    });
    const listing = resource('PortalListing', 'apis', { portalRef: { name: 'main' }, apis: [] });
    const resources = [portal, link, listing];

    // Act
    const listed = deletionIssues(portal, lookupOf(resources));
    const pointOnly = deletionIssues(portal, lookupOf(resources, { withList: false }));

    // Assess
    assert.deepEqual(messagesOf(listed), [
      'PortalListing default/apis still references this Portal; delete it first',
      'PortalLink default/docs still references this Portal; delete it first',
    ]);
    assert.deepEqual(pointOnly, []);
  });
});
