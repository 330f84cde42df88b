import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApiV4DefinitionResource } from '../../../lib/crds/api-v4-definition.ts';
import { type ValidationIssue, validateResource } from '../../../lib/crds/validate.ts';
import { apiV4Manifest, managementContextManifest } from './fixtures.ts';

function issuesOf(document: unknown): ValidationIssue[] {
  const result = validateResource(document);
  assert.equal(result.ok, false, 'expected the manifest to be rejected');
  return result.ok ? [] : result.issues;
}

function pathsOf(document: unknown): string[] {
  return issuesOf(document).map((issue) => issue.path);
}

describe('validating an ApiV4Definition', () => {
  it('accepts a minimal manifest and applies the CRD defaults', () => {
    // Prepare
    const manifest = apiV4Manifest();

    // Act
    const result = validateResource(manifest);

    // Assess
    assert.ok(result.ok);
    const value = result.value as ApiV4DefinitionResource;
    assert.equal(value.spec.state, 'STARTED');
    assert.equal(value.spec.definitionVersion, 'V4');
    assert.equal(value.spec.visibility, 'PRIVATE');
    assert.equal(value.spec.plans?.keyless?.mode, 'STANDARD');
    assert.equal(value.spec.endpointGroups[0]?.endpoints[0]?.secondary, false);
  });

  it('names the field path of a wrong enum value', () => {
    // Prepare
    const manifest = apiV4Manifest();
    manifest.spec.state = 'RUNNING';
    manifest.spec.plans.keyless.validation = 'SOMETIMES';

    // Act
    const paths = pathsOf(manifest);

    // Assess
    assert.deepEqual(paths.sort(), ['spec.plans.keyless.validation', 'spec.state']);
  });

  it('names the missing required fields', () => {
    // Prepare
    const manifest = apiV4Manifest();
    delete manifest.spec.version;
    delete manifest.spec.endpointGroups[0].endpoints[0].inheritConfiguration;

    // Act
    const paths = pathsOf(manifest);

    // Assess
    assert.deepEqual(paths.sort(), [
      'spec.endpointGroups[0].endpoints[0].inheritConfiguration',
      'spec.version',
    ]);
  });

  it('reports an unknown field of a structured object with the field in the path', () => {
    // Prepare
    const manifest = apiV4Manifest();
    manifest.spec.endpointGroups[0].endpoints[0].inheritConfig = true;

    // Act
    const issues = issuesOf(manifest);

    // Assess
    assert.deepEqual(issues, [
      { path: 'spec.endpointGroups[0].endpoints[0].inheritConfig', message: 'unknown field' },
    ]);
  });

  it('keeps unknown keys of free-form configuration and listeners', () => {
    // Prepare
    const manifest = apiV4Manifest();
    manifest.spec.endpointGroups[0].endpoints[0].configuration.anything = { nested: [1, 2] };
    manifest.spec.listeners[0].cors = { enabled: true };

    // Act
    const result = validateResource(manifest);

    // Assess
    assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.issues));
    const value = result.value as ApiV4DefinitionResource;
    assert.deepEqual(value.spec.endpointGroups[0]?.endpoints[0]?.configuration?.anything, { nested: [1, 2] });
    assert.deepEqual((value.spec.listeners[0] as Record<string, unknown>).cors, { enabled: true });
  });

  it('reports an unsupported listener type at the discriminator', () => {
    // Prepare
    const manifest = apiV4Manifest();
    manifest.spec.listeners[0].type = 'HTTPS';

    // Act
    const paths = pathsOf(manifest);

    // Assess
    assert.deepEqual(paths, ['spec.listeners[0].type']);
  });

  it('requires the fields of the listener type it selects', () => {
    // Prepare
    const manifest = apiV4Manifest();
    manifest.spec.listeners[0] = { type: 'KAFKA', entrypoints: [{ type: 'native-kafka' }] };

    // Act
    const paths = pathsOf(manifest);

    // Assess
    assert.deepEqual(paths.sort(), ['spec.listeners[0].host', 'spec.listeners[0].port']);
  });

  it('rejects an empty list of endpoint groups', () => {
    // Prepare
    const manifest = apiV4Manifest();
    manifest.spec.endpointGroups = [];

    // Act
    const paths = pathsOf(manifest);

    // Assess
    assert.deepEqual(paths, ['spec.endpointGroups']);
  });

  it('rejects a misplaced top-level field', () => {
    // Prepare
    const manifest = apiV4Manifest();
    manifest.specs = {};

    // Act
    const issues = issuesOf(manifest);

    // Assess
    assert.deepEqual(issues, [{ path: 'specs', message: 'unknown field' }]);
  });

  it('rejects two status conditions of the same type', () => {
    // Prepare
    const manifest = apiV4Manifest();
    const condition = {
      type: 'Accepted',
      status: 'True',
      reason: 'Accepted',
      message: '',
      lastTransitionTime: '2025-01-01T00:00:00Z',
    };
    manifest.status = { conditions: [condition, { ...condition }] };

    // Act
    const paths = pathsOf(manifest);

    // Assess
    assert.deepEqual(paths, ['status.conditions[1].type']);
  });
});

describe('validating a ManagementContext', () => {
  it('accepts a manifest with basic credentials', () => {
    // Prepare
    const manifest = managementContextManifest();

    // Act
    const result = validateResource(manifest);

    // Assess
    assert.ok(result.ok);
  });

  it('names a missing credential field', () => {
    // Prepare
    const manifest = managementContextManifest();
    delete manifest.spec.auth.credentials.password;

    // Act
    const paths = pathsOf(manifest);

    // Assess
    assert.deepEqual(paths, ['spec.auth.credentials.password']);
  });

  it('reports a typo in a field name', () => {
    // Prepare
    const manifest = managementContextManifest();
    manifest.spec.baseURL = manifest.spec.baseUrl;

    // Act
    const issues = issuesOf(manifest);

    // Assess
    assert.deepEqual(issues, [{ path: 'spec.baseURL', message: 'unknown field' }]);
  });
});

describe('validating a manifest of another kind', () => {
  it('reports the kind as unsupported', () => {
    // Prepare
    const manifest = {
      apiVersion: 'gravitee.io/v1alpha1',
      kind: 'KafkaRoute',
      metadata: { name: 'r' },
      spec: {},
    };

    // Act
    const paths = pathsOf(manifest);

    // Assess
    assert.deepEqual(paths, ['kind']);
  });

  it('reports a wrong apiVersion', () => {
    // Prepare
    const manifest = managementContextManifest();
    manifest.apiVersion = 'gravitee.io/v1beta1';

    // Act
    const paths = pathsOf(manifest);

    // Assess
    assert.deepEqual(paths, ['apiVersion']);
  });
});
