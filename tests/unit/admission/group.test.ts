import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { admissionIssues } from '../../../lib/admission/admission-issues.ts';
import { context, lookupOf, resource } from './support/cluster.ts';

describe('Group admission', () => {
  it('a group on an existing context is accepted, on an unknown one it is a missing reference', () => {
    // Prepare
    const group = resource('Group', 'developers', {
      contextRef: { name: 'dev-ctx' },
      name: 'developers',
      members: [],
    });

    // Act
    const known = admissionIssues(group, lookupOf([context()]));
    const unknown = admissionIssues(group, lookupOf([]));

    // Assess
    assert.deepEqual(known, []);
    assert.deepEqual(
      unknown.map((i) => i.missingReference),
      [{ kind: 'ManagementContext', namespace: 'default', name: 'dev-ctx' }],
    );
  });
});
