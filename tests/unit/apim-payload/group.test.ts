import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CustomResourceInput } from '../../../lib/apim/payload/custom-resource-input.ts';
import {
  type GroupAutomationState,
  groupCollectionPath,
  groupHrid,
  groupIdentity,
  toGroupSpec,
  toGroupStatus,
} from '../../../lib/apim/payload/group.ts';
import { automationSchema } from './support/automation-schema.ts';
import { assertAccepted, deliveredResource, exampleTitle } from './support/example-resources.ts';
import { gkoExamplesOfKind } from './support/gko-examples.ts';
import { asStoredSpec } from './support/kind-crd-defaults.ts';
import { undeclaredKeys } from './support/schema-check.ts';

const examples = gkoExamplesOfKind('Group');
const validateSpec = automationSchema('GroupSpec');

function group(spec: Record<string, unknown>, name = 'developers'): CustomResourceInput {
  return { metadata: { name, namespace: 'team-a' }, spec };
}

describe('Every GKO Group example maps to a body the Automation API schema accepts', () => {
  it('finds the Group examples', () => {
    // Assess
    assert.ok(examples.length >= 1);
  });

  for (const example of examples) {
    it(`maps ${exampleTitle(example)} to a valid GroupSpec with no undeclared field`, () => {
      // Act
      const body = toGroupSpec(deliveredResource(example, 'groups'));

      // Assess
      assertAccepted(validateSpec, body);
      assert.deepEqual(undeclaredKeys(body, 'GroupSpec'), []);
    });
  }
});

describe('The group HRID is derived like GKO derives it', () => {
  it('addresses a fresh group as <namespace>-<name> in the groups collection', () => {
    // Prepare
    const resource = group({ name: 'developers', members: [] });

    // Act
    const body = toGroupSpec(resource);

    // Assess
    assert.equal(body.hrid, 'team-a-developers');
    assert.equal(groupHrid(resource), 'team-a-developers');
    assert.equal(groupCollectionPath(), 'groups');
  });

  it('addresses a group GKO synced before 4.12 by its UUID, sent as id too', () => {
    // Prepare
    const resource = group({ name: 'developers', members: [] });

    // Act
    const body = toGroupSpec(resource, { id: 'group-uuid' });

    // Assess
    assert.deepEqual(groupIdentity(resource, { id: 'group-uuid' }), {
      hrid: 'group-uuid',
      hridContainsUuid: true,
      id: 'group-uuid',
    });
    assert.equal(body.hrid, 'group-uuid');
    assert.equal(body.id, 'group-uuid');
  });

  it('uses a spec.id until the group is HRID-managed, then the HRID while still sending the id', () => {
    // Prepare
    const resource = group({ id: 'spec-uuid', name: 'developers', members: [] });

    // Act
    const fresh = toGroupSpec(resource);
    const managed = toGroupSpec(resource, { id: 'status-uuid', automationApiManaged: true });

    // Assess
    assert.equal(fresh.hrid, 'spec-uuid');
    assert.equal(managed.hrid, 'team-a-developers');
    assert.equal(managed.id, 'spec-uuid');
  });
});

describe('The group body is the spec as GKO sends it', () => {
  it('leaves out contextRef and sends the CRD defaults of notifyMembers and roles', () => {
    // Prepare
    const spec = asStoredSpec('groups', {
      contextRef: { name: 'dev-ctx' },
      name: 'developers',
      members: [{ source: 'memory', sourceId: 'api1' }],
    });

    // Act
    const body = toGroupSpec(group(spec));

    // Assess
    assert.deepEqual(body, {
      hrid: 'team-a-developers',
      name: 'developers',
      notifyMembers: true,
      members: [{ source: 'memory', sourceId: 'api1', roles: {} }],
    });
  });
});

/** An answer of APIM to `PUT …/groups`. */
const realisticState: GroupAutomationState = {
  hrid: 'default-developers',
  name: 'developers',
  notifyMembers: false,
  members: [{ source: 'memory', sourceId: 'api1', roles: { API: 'OWNER', APPLICATION: 'OWNER' } }],
  id: '2f4e6a8c-0b1d-4c3e-8f5a-7b9c1d3e5f7a',
  organizationId: 'DEFAULT',
  environmentId: 'DEFAULT',
  memberCount: 1,
  errors: { warning: ['member [ghost] does not exist in source [memory]'] },
};

describe('The Automation API answer becomes the Group status fields', () => {
  it('starts from an answer the GroupState schema accepts', () => {
    // Assess
    assertAccepted(automationSchema('GroupState'), realisticState);
  });

  it('takes the id, the ids of the context and the member count', () => {
    // Act
    const status = toGroupStatus(realisticState);

    // Assess
    assert.deepEqual(status, {
      id: '2f4e6a8c-0b1d-4c3e-8f5a-7b9c1d3e5f7a',
      organizationId: 'DEFAULT',
      environmentId: 'DEFAULT',
      members: 1,
      errors: { severe: [], warning: ['member [ghost] does not exist in source [memory]'] },
    });
  });

  it('counts zero members when APIM gives no member count', () => {
    // Act
    const status = toGroupStatus({ id: 'g1' });

    // Assess
    assert.equal(status.members, 0);
  });
});
