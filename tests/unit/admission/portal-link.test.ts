import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { admissionIssues } from '../../../lib/admission/admission-issues.ts';
import { context, errorsOf, lookupOf, resource } from './support/cluster.ts';

const link = (portal: string) =>
  resource('PortalLink', 'docs-link', {
    portalRef: { name: portal },
    name: 'Docs',
    href: 'https://docs.example.com',
  });
const portal = (name: string, spec: Record<string, unknown> = { contextRef: { name: 'dev-ctx' } }) =>
  resource('Portal', name, { name, ...spec });

describe('PortalLink admission', () => {
  it('a link to an existing portal with a context is accepted', () => {
    // Act
    const issues = admissionIssues(link('main'), lookupOf([context(), portal('main')]));

    // Assess
    assert.deepEqual(issues, []);
  });

  it('a link to an unknown portal, or to one without context, is rejected', () => {
    // Act
    const unknown = admissionIssues(link('ghost'), lookupOf([context()]));
    const contextless = admissionIssues(link('bare'), lookupOf([portal('bare', {})]));

    // Assess
    assert.deepEqual(
      unknown.map((i) => i.missingReference),
      [{ kind: 'Portal', namespace: 'default', name: 'ghost' }],
    );
    assert.deepEqual(errorsOf(contextless), [
      'spec.portalRef: Portal default/bare references no ManagementContext',
    ]);
  });

  it('update moving the link to another portal is rejected', () => {
    // Act
    const issues = admissionIssues(
      link('other'),
      lookupOf([context(), portal('main'), portal('other')]),
      link('main'),
    );

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.portalRef: the portal cannot change (was default/main, now default/other)',
    ]);
  });
});
