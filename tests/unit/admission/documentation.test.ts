import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { admissionIssues } from '../../../lib/admission/admission-issues.ts';
import { apiV4, context, errorsOf, lookupOf, resource } from './support/cluster.ts';

const page = (parent: Record<string, unknown>) =>
  resource('Documentation', 'guide', {
    name: 'Guide',
    type: 'GRAVITEE_MARKDOWN',
    content: '# Guide',
    ...parent,
  });
const portal = resource('Portal', 'main', { name: 'Main', contextRef: { name: 'dev-ctx' } });

describe('Documentation admission', () => {
  it('a page of an existing portal or v4 API is accepted', () => {
    // Prepare
    const lookup = lookupOf([context(), portal, apiV4('echo')]);

    // Act
    const portalPage = admissionIssues(page({ portalRef: { name: 'main' } }), lookup);
    const apiPage = admissionIssues(page({ apiRef: { name: 'echo' } }), lookup);

    // Assess
    assert.deepEqual(portalPage, []);
    assert.deepEqual(apiPage, []);
  });

  it('a page with both or neither parent is rejected', () => {
    // Act
    const both = admissionIssues(
      page({ portalRef: { name: 'main' }, apiRef: { name: 'echo' } }),
      lookupOf([]),
    );
    const neither = admissionIssues(page({}), lookupOf([]));

    // Assess
    assert.deepEqual(errorsOf(both), ['spec: set exactly one of portalRef and apiRef, not both']);
    assert.deepEqual(errorsOf(neither), ['spec: set exactly one of portalRef and apiRef']);
  });

  it('a page of a v2 API, or of an API without context, is rejected', () => {
    // Prepare
    const lookup = lookupOf([apiV4('bare', { contextRef: undefined })]);

    // Act
    const v2 = admissionIssues(page({ apiRef: { name: 'legacy', kind: 'ApiDefinition' } }), lookup);
    const bare = admissionIssues(page({ apiRef: { name: 'bare' } }), lookup);

    // Assess
    assert.deepEqual(errorsOf(v2), [
      'spec.apiRef.kind: documentation can only be attached to an ApiV4Definition, not ApiDefinition',
    ]);
    assert.deepEqual(errorsOf(bare), [
      'spec.apiRef: ApiV4Definition default/bare references no ManagementContext',
    ]);
  });

  it('update moving a portal page to an API is rejected', () => {
    // Prepare
    const lookup = lookupOf([context(), portal, apiV4('echo')]);

    // Act
    const issues = admissionIssues(
      page({ apiRef: { name: 'echo' } }),
      lookup,
      page({ portalRef: { name: 'main' } }),
    );

    // Assess
    assert.deepEqual(errorsOf(issues), ['spec.apiRef: a portal page cannot be moved to an API']);
  });
});
