import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { admissionIssues } from '../../../lib/admission/admission-issues.ts';
import { context, errorsOf, lookupOf, resource } from './support/cluster.ts';

const group = (apiType: string, phase: string, spec: Record<string, unknown> = {}) =>
  resource('SharedPolicyGroup', 'rate', {
    contextRef: { name: 'dev-ctx' },
    name: 'rate',
    apiType,
    phase,
    ...spec,
  });

describe('SharedPolicyGroup admission', () => {
  it('a PROXY group in the REQUEST phase is accepted', () => {
    // Act
    const issues = admissionIssues(group('PROXY', 'REQUEST'), lookupOf([context()]));

    // Assess
    assert.deepEqual(issues, []);
  });

  it('a PROXY group in a message phase is rejected, a MESSAGE group in it accepted', () => {
    // Act
    const proxy = admissionIssues(group('PROXY', 'PUBLISH'), lookupOf([context()]));
    const message = admissionIssues(group('MESSAGE', 'PUBLISH'), lookupOf([context()]));

    // Assess
    assert.deepEqual(errorsOf(proxy), [
      'spec.phase: a PROXY shared policy group runs in REQUEST, RESPONSE, not in PUBLISH',
    ]);
    assert.deepEqual(message, []);
  });

  it('a group on an unknown context is rejected', () => {
    // Act
    const issues = admissionIssues(group('PROXY', 'REQUEST'), lookupOf([]));

    // Assess
    assert.deepEqual(errorsOf(issues), ['spec.contextRef: ManagementContext default/dev-ctx does not exist']);
  });

  it('update changing the cross id, the API type or the phase is rejected', () => {
    // Prepare
    const before = group('PROXY', 'REQUEST', { crossId: 'a' });
    const after = group('MESSAGE', 'SUBSCRIBE', { crossId: 'b' });

    // Act
    const issues = admissionIssues(after, lookupOf([context()]), before);

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.crossId: crossId cannot change (was "a", now "b")',
      'spec.apiType: apiType cannot change (was "PROXY", now "MESSAGE")',
      'spec.phase: phase cannot change (was "REQUEST", now "SUBSCRIBE")',
    ]);
  });
});
