import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CustomResourceInput } from '../../../lib/apim/payload/custom-resource-input.ts';
import {
  type SharedPolicyGroupAutomationState,
  sharedPolicyGroupCollectionPath,
  sharedPolicyGroupHrid,
  sharedPolicyGroupIdentity,
  toSharedPolicyGroupSpec,
  toSharedPolicyGroupStatus,
} from '../../../lib/apim/payload/shared-policy-group.ts';
import { automationSchema } from './support/automation-schema.ts';
import { assertAccepted, deliveredResource, exampleTitle } from './support/example-resources.ts';
import { gkoExamplesOfKind } from './support/gko-examples.ts';
import { asStoredSpec } from './support/kind-crd-defaults.ts';
import { undeclaredKeys } from './support/schema-check.ts';

const examples = gkoExamplesOfKind('SharedPolicyGroup');
const validateSpec = automationSchema('SharedPolicyGroupSpec');

function sharedPolicyGroup(spec: Record<string, unknown>, name = 'rate-limit'): CustomResourceInput {
  return { metadata: { name, namespace: 'team-a' }, spec };
}

const minimalSpec = {
  contextRef: { name: 'dev-ctx' },
  name: 'Rate limit',
  apiType: 'PROXY',
  phase: 'REQUEST',
};

describe('Every GKO SharedPolicyGroup example maps to a body the Automation API schema accepts', () => {
  it('finds the SharedPolicyGroup examples', () => {
    // Assess
    assert.ok(examples.length >= 1);
  });

  for (const example of examples) {
    it(`maps ${exampleTitle(example)} to a valid SharedPolicyGroupSpec with no undeclared field`, () => {
      // Act
      const body = toSharedPolicyGroupSpec(deliveredResource(example, 'sharedpolicygroups'));

      // Assess
      assertAccepted(validateSpec, body);
      assert.deepEqual(undeclaredKeys(body, 'SharedPolicyGroupSpec'), []);
    });
  }
});

describe('The shared policy group HRID is derived like GKO derives it', () => {
  it('addresses a fresh group as <namespace>-<name> and ignores a spec.hrid', () => {
    // Prepare
    const resource = sharedPolicyGroup({ ...minimalSpec, hrid: 'mine' });

    // Act
    const body = toSharedPolicyGroupSpec(resource);

    // Assess
    assert.equal(body.hrid, 'team-a-rate-limit');
    assert.equal(sharedPolicyGroupHrid(resource), 'team-a-rate-limit');
    assert.equal(sharedPolicyGroupCollectionPath(), 'shared-policy-groups');
  });

  it('addresses a group GKO synced before 4.12 by its status crossId, sent as crossId too', () => {
    // Prepare
    const resource = sharedPolicyGroup(minimalSpec);

    // Act
    const identity = sharedPolicyGroupIdentity(resource, { crossId: 'cross-uuid' });
    const body = toSharedPolicyGroupSpec(resource, { crossId: 'cross-uuid' });

    // Assess
    assert.deepEqual(identity, { hrid: 'cross-uuid', hridContainsUuid: true });
    assert.equal(body.hrid, 'cross-uuid');
    assert.equal(body.crossId, 'cross-uuid');
  });

  it('keeps a spec crossId of a legacy group and uses the HRID once the group is HRID-managed', () => {
    // Prepare
    const resource = sharedPolicyGroup({ ...minimalSpec, crossId: 'spec-cross' });

    // Act
    const legacy = toSharedPolicyGroupSpec(resource, { crossId: 'status-cross' });
    const managed = toSharedPolicyGroupSpec(resource, {
      crossId: 'status-cross',
      automationApiManaged: true,
    });

    // Assess
    assert.equal(legacy.hrid, 'status-cross');
    assert.equal(legacy.crossId, 'spec-cross');
    assert.equal(managed.hrid, 'team-a-rate-limit');
    assert.equal(managed.crossId, 'spec-cross');
  });
});

describe('The shared policy group body is the spec as GKO sends it', () => {
  it('leaves out contextRef and sends steps enabled by the CRD default', () => {
    // Prepare
    const spec = asStoredSpec('sharedpolicygroups', {
      ...minimalSpec,
      steps: [{ name: 'Rate Limit', policy: 'rate-limit', configuration: { rate: { limit: 10 } } }],
    });

    // Act
    const body = toSharedPolicyGroupSpec(sharedPolicyGroup(spec));

    // Assess
    assert.deepEqual(body, {
      hrid: 'team-a-rate-limit',
      name: 'Rate limit',
      apiType: 'PROXY',
      phase: 'REQUEST',
      steps: [
        { name: 'Rate Limit', policy: 'rate-limit', enabled: true, configuration: { rate: { limit: 10 } } },
      ],
    });
  });

  it('leaves out an empty list of steps', () => {
    // Act
    const body = toSharedPolicyGroupSpec(sharedPolicyGroup({ ...minimalSpec, steps: [] }));

    // Assess
    assert.equal('steps' in body, false);
  });
});

/** An answer of APIM to `PUT …/shared-policy-groups`. */
const realisticState: SharedPolicyGroupAutomationState = {
  hrid: 'default-simple-shared-policy-groups',
  name: 'simple-shared-policy-groups',
  apiType: 'PROXY',
  phase: 'REQUEST',
  steps: [{ name: 'Rate Limit', enabled: true, policy: 'rate-limit', configuration: { async: false } }],
  id: '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d',
  crossId: '9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f',
  organizationId: 'DEFAULT',
  environmentId: 'DEFAULT',
};

describe('The Automation API answer becomes the SharedPolicyGroup status fields', () => {
  it('starts from an answer the SharedPolicyGroupState schema accepts', () => {
    // Assess
    assertAccepted(automationSchema('SharedPolicyGroupState'), realisticState);
  });

  it('takes the id, the crossId and the ids of organization and environment', () => {
    // Act
    const status = toSharedPolicyGroupStatus(realisticState);

    // Assess
    assert.deepEqual(status, {
      id: '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d',
      crossId: '9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f',
      organizationId: 'DEFAULT',
      environmentId: 'DEFAULT',
      errors: { severe: [], warning: [] },
    });
  });
});
