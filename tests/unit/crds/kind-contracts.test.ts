/**
 * Behaviour of the contracts of the kinds around APIs (resources, applications, subscriptions, groups,
 * notifications, shared policy groups, dictionaries, portals and their content) that the field-level
 * comparison with GKO's CRDs cannot show: defaults applied, cross-field rules and list-map keys.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApiResourceResource } from '../../../lib/crds/api-resource.ts';
import type { ApplicationResource } from '../../../lib/crds/application.ts';
import type { GroupResource } from '../../../lib/crds/group.ts';
import type { NotificationResource } from '../../../lib/crds/notification.ts';
import type { SharedPolicyGroupResource } from '../../../lib/crds/shared-policy-group.ts';
import { type ValidationIssue, validateResource } from '../../../lib/crds/validate.ts';

// biome-ignore lint/suspicious/noExplicitAny: tests mutate these manifests into invalid shapes.
type Manifest = Record<string, any>;

function manifest(kind: string, spec: Manifest): Manifest {
  return {
    apiVersion: 'gravitee.io/v1alpha1',
    kind,
    metadata: { name: 'sample', namespace: 'default' },
    spec,
  };
}

function accepted<T>(document: Manifest): T {
  const result = validateResource(document);
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.issues));
  return result.value as T;
}

function issuesOf(document: Manifest): ValidationIssue[] {
  const result = validateResource(document);
  assert.equal(result.ok, false, 'expected the manifest to be rejected');
  return result.ok ? [] : result.issues;
}

function documentation(): Manifest {
  return manifest('Documentation', {
    name: 'Getting started',
    type: 'GRAVITEE_MARKDOWN',
    content: '# Hello',
    portalRef: { name: 'default-portal' },
  });
}

describe('validating a Documentation page', () => {
  it('refuses a page attached to both a portal and an API', () => {
    // Prepare
    const page = documentation();
    page.spec.apiRef = { name: 'echo' };

    // Act
    const issues = issuesOf(page);

    // Assess
    assert.deepEqual(issues, [{ path: 'spec', message: 'exactly one of portalRef or apiRef must be set' }]);
  });

  it('refuses a page attached to neither a portal nor an API', () => {
    // Prepare
    const page = documentation();
    delete page.spec.portalRef;

    // Act
    const issues = issuesOf(page);

    // Assess
    assert.deepEqual(issues, [{ path: 'spec', message: 'exactly one of portalRef or apiRef must be set' }]);
  });

  it('refuses a location that does not start with a slash', () => {
    // Prepare
    const page = documentation();
    page.spec.location = 'projects/alpha';

    // Act
    const paths = issuesOf(page).map((issue) => issue.path);

    // Assess
    assert.deepEqual(paths, ['spec.location']);
  });
});

describe('validating a Portal', () => {
  it('refuses a top navbar listing the same path twice, naming the second entry', () => {
    // Prepare
    const portal = manifest('Portal', {
      name: 'Default',
      structure: { topNavbar: [{ path: '/docs' }, { path: '/docs', displayName: 'Docs' }] },
    });

    // Act
    const issues = issuesOf(portal);

    // Assess
    assert.deepEqual(issues, [
      { path: 'spec.structure.topNavbar[1].path', message: 'duplicate path "/docs"' },
    ]);
  });

  it('refuses a deprecated navigation listing the same path twice', () => {
    // Prepare
    const portal = manifest('Portal', {
      name: 'Default',
      navigation: [{ path: '/a', order: 1 }, { path: '/b' }, { path: '/a' }],
    });

    // Act
    const paths = issuesOf(portal).map((issue) => issue.path);

    // Assess
    assert.deepEqual(paths, ['spec.navigation[2].path']);
  });
});

describe('validating a PortalListing', () => {
  it('refuses a listing without any API and an API placed at a relative location', () => {
    // Prepare
    const empty = manifest('PortalListing', { portalRef: { name: 'default-portal' }, apis: [] });
    const relative = manifest('PortalListing', {
      portalRef: { name: 'default-portal' },
      apis: [{ ref: { name: 'echo' }, location: 'docs' }],
    });

    // Act
    const paths = [...issuesOf(empty), ...issuesOf(relative)].map((issue) => issue.path);

    // Assess
    assert.deepEqual(paths, ['spec.apis', 'spec.apis[0].location']);
  });
});

describe('validating a Subscription', () => {
  it('refuses an API key shorter than 32 characters and an end date that is not RFC 3339', () => {
    // Prepare
    const subscription = manifest('Subscription', {
      api: { name: 'echo' },
      application: { name: 'client' },
      plan: 'API_KEY',
      endingAt: '25/12/2040',
      apiKeys: [{ key: 'too-short' }],
    });

    // Act
    const paths = issuesOf(subscription)
      .map((issue) => issue.path)
      .sort();

    // Assess
    assert.deepEqual(paths, ['spec.apiKeys[0].key', 'spec.endingAt']);
  });
});

describe('applying CRD defaults', () => {
  it('fills a notification written without any field with the console and api defaults', () => {
    // Prepare
    const notification = manifest('Notification', {});

    // Act
    const value = accepted<NotificationResource>(notification);

    // Assess
    assert.deepEqual(value.spec, { console: {}, eventType: 'api', target: 'console' });
  });

  it('notifies group members and gives them no role unless told otherwise', () => {
    // Prepare
    const group = manifest('Group', {
      name: 'developers',
      members: [{ source: 'memory', sourceId: 'api1' }],
    });

    // Act
    const value = accepted<GroupResource>(group);

    // Assess
    assert.equal(value.spec.notifyMembers, true);
    assert.deepEqual(value.spec.members[0]?.roles, {});
  });

  it('reads a client certificate from the tls.crt key of a Secret unless told otherwise', () => {
    // Prepare
    const application = manifest('Application', {
      name: 'client',
      description: 'A client',
      contextRef: { name: 'dev-ctx' },
      settings: { app: { type: 'WEB' }, tls: { clientCertificates: [{ ref: { name: 'client-cert' } }] } },
    });

    // Act
    const value = accepted<ApplicationResource>(application);

    // Assess
    assert.deepEqual(value.spec.settings.tls?.clientCertificates?.[0]?.ref, {
      name: 'client-cert',
      kind: 'secrets',
      key: 'tls.crt',
    });
  });

  it('enables API resources and shared policy group steps unless told otherwise', () => {
    // Prepare
    const resource = manifest('ApiResource', { name: 'cache', type: 'cache' });
    const group = manifest('SharedPolicyGroup', {
      name: 'limits',
      apiType: 'PROXY',
      phase: 'REQUEST',
      contextRef: { name: 'dev-ctx' },
      steps: [{ policy: 'rate-limit' }],
    });

    // Act
    const resourceValue = accepted<ApiResourceResource>(resource);
    const groupValue = accepted<SharedPolicyGroupResource>(group);

    // Assess
    assert.equal(resourceValue.spec.enabled, true);
    assert.equal(groupValue.spec.steps?.[0]?.enabled, true);
  });
});

describe('validating statuses', () => {
  it('refuses any field in the status of an API resource, which GKO keeps empty', () => {
    // Prepare
    const resource = manifest('ApiResource', { name: 'cache', type: 'cache' });
    resource.status = { id: 'abc' };

    // Act
    const paths = issuesOf(resource).map((issue) => issue.path);

    // Assess
    assert.deepEqual(paths, ['status.id']);
  });

  it('refuses a group status without its member count', () => {
    // Prepare
    const group = manifest('Group', { name: 'developers', members: [] });
    group.status = { id: 'abc' };

    // Act
    const paths = issuesOf(group).map((issue) => issue.path);

    // Assess
    assert.deepEqual(paths, ['status.members']);
  });
});
