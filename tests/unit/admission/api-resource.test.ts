import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { admissionIssues } from '../../../lib/admission/admission-issues.ts';
import { errorsOf, lookupOf, resource } from './support/cluster.ts';

describe('ApiResource admission', () => {
  it('a resource with type, name and configuration is accepted', () => {
    // Act
    const issues = admissionIssues(
      resource('ApiResource', 'cache', {
        type: 'cache',
        name: 'cache',
        configuration: { timeToLiveSeconds: 60 },
      }),
      lookupOf([]),
    );

    // Assess
    assert.deepEqual(issues, []);
  });

  it('a resource without type or configuration is rejected', () => {
    // Act
    const issues = admissionIssues(
      resource('ApiResource', 'cache', { name: 'cache', enabled: true }),
      lookupOf([]),
    );

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.type: a resource needs a type',
      'spec.configuration: a resource needs a configuration',
    ]);
  });
});
