import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { admissionIssues } from '../../../lib/admission/admission-issues.ts';
import { context, errorsOf, lookupOf, resource, warningsOf } from './support/cluster.ts';

const portal = (spec: Record<string, unknown>) => resource('Portal', 'portal', { name: 'Portal', ...spec });

describe('Portal admission', () => {
  it('a portal with a structure on an existing context is accepted', () => {
    // Act
    const issues = admissionIssues(
      portal({ contextRef: { name: 'dev-ctx' }, structure: { topNavbar: [{ path: '/docs' }] } }),
      lookupOf([context()]),
    );

    // Assess
    assert.deepEqual(issues, []);
  });

  it('the deprecated navigation is a warning, combined with a structure an error', () => {
    // Act
    const alone = admissionIssues(
      portal({ contextRef: { name: 'dev-ctx' }, navigation: [{ path: '/docs' }] }),
      lookupOf([context()]),
    );
    const both = admissionIssues(
      portal({
        contextRef: { name: 'dev-ctx' },
        navigation: [{ path: '/docs' }],
        structure: { topNavbar: [] },
      }),
      lookupOf([context()]),
    );

    // Assess
    assert.deepEqual(warningsOf(alone), [
      'spec.navigation: navigation is deprecated, use structure.topNavbar',
    ]);
    assert.deepEqual(errorsOf(both), [
      'spec.navigation: navigation and structure cannot both be set; use structure',
    ]);
  });

  it('a portal without context is rejected', () => {
    // Act
    const issues = admissionIssues(portal({}), lookupOf([context()]));

    // Assess
    assert.deepEqual(errorsOf(issues), ['spec.contextRef: a Portal needs a ManagementContext reference']);
  });
});
