import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { admissionIssues } from '../../../lib/admission/admission-issues.ts';
import { apiV2, apiV4, context, errorsOf, lookupOf, subscription } from './support/cluster.ts';

describe('ApiDefinition (v2) admission', () => {
  it('a started v2 API with a plan and an existing context is accepted', () => {
    // Act
    const issues = admissionIssues(apiV2('legacy'), lookupOf([context()]));

    // Assess
    assert.deepEqual(issues, []);
  });

  it('a started v2 API without plan is rejected', () => {
    // Act
    const issues = admissionIssues(apiV2('legacy', { plans: [] }), lookupOf([context()]));

    // Assess
    assert.equal(errorsOf(issues).length, 1);
    assert.match(errorsOf(issues)[0] ?? '', /^spec\.plans: API state is STARTED but the API has no plan/);
  });

  it('a virtual host path already used by a v4 API listener is rejected', () => {
    // Prepare
    const lookup = lookupOf([context(), apiV4('shop')]);

    // Act
    const issues = admissionIssues(
      apiV2('legacy', { proxy: { virtual_hosts: [{ path: '/shop' }] } }),
      lookup,
    );

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.proxy.virtual_hosts[0].path: context path "/shop" is already used by ApiV4Definition default/shop',
    ]);
  });

  it('a page whose parent is unknown is rejected', () => {
    // Prepare
    const api = apiV2('legacy', { pages: { intro: { name: 'Intro', type: 'MARKDOWN', parent: 'docs' } } });

    // Act
    const issues = admissionIssues(api, lookupOf([context()]));

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.pages.intro.parent: parent page "docs" is not a page of this API',
    ]);
  });

  it('removing a plan named by a subscription is rejected', () => {
    // Prepare
    const before = apiV2('legacy', { plans: [{ name: 'keys', description: 'k', security: 'API_KEY' }] });
    const sub = subscription('legacy', 'client', 'keys', { api: { name: 'legacy', kind: 'ApiDefinition' } });
    const unrelated = subscription('legacy', 'client', 'other');

    // Act
    const issues = admissionIssues(apiV2('legacy'), lookupOf([context(), sub, unrelated]), before);

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.plans: plan "keys" is used by Subscription default/client-to-legacy and cannot be removed',
    ]);
  });

  it('an ingress template is not checked', () => {
    // Prepare
    const template = apiV2('ingress-template', { plans: [], contextRef: { name: 'nowhere' } });
    template.metadata.annotations = { 'gravitee.io/template': 'true' };

    // Act
    const issues = admissionIssues(template, lookupOf([]));

    // Assess
    assert.deepEqual(issues, []);
  });
});
