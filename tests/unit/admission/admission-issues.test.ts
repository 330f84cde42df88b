import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { admissionIssues } from '../../../lib/admission/admission-issues.ts';
import { emptyLookup } from '../../../lib/admission/lookup.ts';
import { resource } from './support/cluster.ts';

describe('admissionIssues', () => {
  it('a kind without admission rules has no issues', () => {
    // Act
    const notification = admissionIssues(resource('Notification', 'n', { target: 'console' }), emptyLookup);
    const unknown = admissionIssues(resource('KafkaRoute', 'r', {}), emptyLookup);

    // Assess
    assert.deepEqual(notification, []);
    assert.deepEqual(unknown, []);
  });

  it('a resource without spec is checked as an empty one', () => {
    // Prepare
    const bare = { kind: 'Dictionary', metadata: { name: 'd' } };

    // Act
    const issues = admissionIssues(bare, emptyLookup);

    // Assess
    assert.deepEqual(
      issues.map((i) => i.field),
      ['spec.type'],
    );
  });
});
