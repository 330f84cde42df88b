import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { admissionIssues } from '../../../lib/admission/admission-issues.ts';
import { apiV2, apiV4, context, errorsOf, lookupOf, resource } from './support/cluster.ts';

const listing = (...apis: Array<Record<string, unknown>>) =>
  resource('PortalListing', 'listing', {
    portalRef: { name: 'main' },
    apis: apis.map((ref) => ({ ref, location: '/apis' })),
  });
const portal = resource('Portal', 'main', { name: 'Main', contextRef: { name: 'dev-ctx' } });

describe('PortalListing admission', () => {
  it('listing v4 APIs of the portal context is accepted', () => {
    // Act
    const issues = admissionIssues(listing({ name: 'echo' }), lookupOf([context(), portal, apiV4('echo')]));

    // Assess
    assert.deepEqual(issues, []);
  });

  it('listing a v2 API, an unknown API or an API of another context is rejected', () => {
    // Prepare
    const foreign = apiV4('foreign', { contextRef: { name: 'prod-ctx' } });
    const lookup = lookupOf([context(), context('prod-ctx'), portal, apiV2('legacy'), foreign]);

    // Act
    const issues = admissionIssues(
      listing({ name: 'legacy', kind: 'ApiDefinition' }, { name: 'ghost' }, { name: 'foreign' }),
      lookup,
    );

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.apis[0].ref.kind: a portal only lists ApiV4Definitions, not ApiDefinition',
      'spec.apis[1].ref: ApiV4Definition default/ghost does not exist',
      'spec.apis[2].ref: ApiV4Definition default/foreign uses ManagementContext default/prod-ctx, the portal uses default/dev-ctx',
    ]);
  });
});
