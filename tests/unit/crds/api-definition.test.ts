import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApiDefinitionResource } from '../../../lib/crds/api-definition.ts';
import { Page as ApiV4Page } from '../../../lib/crds/api-v4/page.ts';
import { type ValidationIssue, validateResource } from '../../../lib/crds/validate.ts';

// biome-ignore lint/suspicious/noExplicitAny: tests mutate the manifest into invalid shapes.
type Manifest = Record<string, any>;

/** A minimal, valid ApiDefinition manifest, rebuilt for every test. */
function apiV2Manifest(): Manifest {
  return {
    apiVersion: 'gravitee.io/v1alpha1',
    kind: 'ApiDefinition',
    metadata: { name: 'echo-v2', namespace: 'default' },
    spec: {
      name: 'echo',
      version: '1.0',
      description: 'Echo API',
      contextRef: { name: 'dev-ctx' },
      plans: [{ name: 'KEY_LESS', description: 'Free', security: 'KEY_LESS' }],
      proxy: {
        virtual_hosts: [{ path: '/echo' }],
        groups: [
          { name: 'default', endpoints: [{ name: 'default', target: 'https://api.gravitee.io/echo' }] },
        ],
      },
    },
  };
}

function issuesOf(document: unknown): ValidationIssue[] {
  const result = validateResource(document);
  assert.equal(result.ok, false, 'expected the manifest to be rejected');
  return result.ok ? [] : result.issues;
}

describe('validating an ApiDefinition', () => {
  it('accepts a minimal manifest and applies the CRD defaults of a v2 API', () => {
    // Prepare
    const manifest = apiV2Manifest();

    // Act
    const result = validateResource(manifest);

    // Assess
    assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.issues));
    const { spec } = result.value as ApiDefinitionResource;
    assert.equal(spec.gravitee, '2.0.0');
    assert.equal(spec.execution_mode, 'v4-emulation-engine');
    assert.equal(spec.flow_mode, 'DEFAULT');
    assert.equal(spec.lifecycle_state, 'CREATED');
    assert.equal(spec.local, false);
    assert.equal(spec.state, 'STARTED');
    assert.equal(spec.visibility, 'PRIVATE');
    assert.deepEqual(spec.plans[0]?.flows, []);
    assert.equal(spec.plans[0]?.status, 'PUBLISHED');
    assert.deepEqual(spec.proxy?.groups[0]?.endpoints?.[0]?.tenants, []);
  });

  it('names the missing description, plan security and cors flags', () => {
    // Prepare
    const manifest = apiV2Manifest();
    delete manifest.spec.description;
    delete manifest.spec.plans[0].security;
    manifest.spec.proxy.cors = { enabled: true };

    // Act
    const paths = issuesOf(manifest).map((issue) => issue.path);

    // Assess
    assert.deepEqual(paths.sort(), [
      'spec.description',
      'spec.plans[0].security',
      'spec.proxy.cors.allowCredentials',
      'spec.proxy.cors.maxAge',
    ]);
  });

  it('rejects a v4 field name written in a v2 manifest, with the field in the path', () => {
    // Prepare
    const manifest = apiV2Manifest();
    manifest.spec.lifecycleState = 'PUBLISHED';

    // Act
    const issues = issuesOf(manifest);

    // Assess
    assert.deepEqual(issues, [{ path: 'spec.lifecycleState', message: 'unknown field' }]);
  });

  it('names the field path of a wrong execution mode and flow method', () => {
    // Prepare
    const manifest = apiV2Manifest();
    manifest.spec.execution_mode = 'v4';
    manifest.spec.flows = [{ methods: ['FETCH'], pre: [{ policy: 'mock' }] }];

    // Act
    const paths = issuesOf(manifest).map((issue) => issue.path);

    // Assess
    assert.deepEqual(paths.sort(), ['spec.execution_mode', 'spec.flows[0].methods[0]']);
  });

  it('accepts hyphenated service keys and endpoint health checks', () => {
    // Prepare
    const manifest = apiV2Manifest();
    manifest.spec.services = {
      'health-check': { enabled: true, schedule: '*/5 * * * * *', steps: [{ request: { fromRoot: true } }] },
      'dynamic-property': { provider: 'HTTP', configuration: { url: 'http://props' } },
    };
    manifest.spec.proxy.groups[0].endpoints[0].healthcheck = { inherit: true };

    // Act
    const result = validateResource(manifest);

    // Assess
    assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.issues));
    const { spec } = result.value as ApiDefinitionResource;
    assert.equal(spec.services?.['dynamic-property']?.enabled, false);
    assert.deepEqual(spec.services?.['health-check']?.steps[0]?.request?.headers, []);
    assert.equal(spec.proxy?.groups[0]?.endpoints?.[0]?.healthcheck?.enabled, false);
  });

  it('accepts page access controls on a v2 page while the v4 page still refuses them', () => {
    // Prepare
    const manifest = apiV2Manifest();
    const page = {
      name: 'Docs',
      type: 'MARKDOWN',
      accessControls: [{ referenceId: 'devs', referenceType: 'GROUP' }],
    };
    manifest.spec.pages = { docs: page };

    // Act
    const v2 = validateResource(manifest);
    const v4 = ApiV4Page.safeParse(page);

    // Assess
    assert.ok(v2.ok, v2.ok ? '' : JSON.stringify(v2.issues));
    const { spec } = v2.value as ApiDefinitionResource;
    assert.equal(spec.pages?.docs?.visibility, 'PUBLIC');
    assert.equal(v4.success, false);
  });
});
