import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { admissionIssues } from '../../../lib/admission/admission-issues.ts';
import { context, errorsOf, lookupOf, resource } from './support/cluster.ts';

const dictionary = (spec: Record<string, unknown>) =>
  resource('Dictionary', 'dict', { contextRef: { name: 'dev-ctx' }, name: 'dict', deployed: true, ...spec });

describe('Dictionary admission', () => {
  it('a MANUAL dictionary with properties is accepted', () => {
    // Act
    const issues = admissionIssues(
      dictionary({ type: 'MANUAL', manual: { properties: { a: '1' } } }),
      lookupOf([context()]),
    );

    // Assess
    assert.deepEqual(issues, []);
  });

  it('a MANUAL dictionary with a dynamic provider and no properties is rejected', () => {
    // Act
    const issues = admissionIssues(
      dictionary({ type: 'MANUAL', dynamic: { provider: {} } }),
      lookupOf([context()]),
    );

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.dynamic: a MANUAL dictionary takes no dynamic provider',
      'spec.manual: a MANUAL dictionary needs manual properties',
    ]);
  });

  it('a DYNAMIC dictionary without provider on an unknown context is rejected', () => {
    // Act
    const issues = admissionIssues(dictionary({ type: 'DYNAMIC' }), lookupOf([]));

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.contextRef: ManagementContext default/dev-ctx does not exist',
      'spec.dynamic: a DYNAMIC dictionary needs a dynamic provider',
    ]);
  });
});
