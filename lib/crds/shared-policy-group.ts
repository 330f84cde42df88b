/**
 * Contract of the `SharedPolicyGroup` custom resource: a sequence of policies for one flow phase,
 * maintained once and run by every API flow step that references it.
 */
import { z } from 'zod';
import { defineKind } from './kind-definition.ts';
import { ObjectRef } from './object-ref.ts';
import { customResource } from './resource.ts';
import { SharedPolicyGroupStatus } from './shared-policy-group/status.ts';
import { SharedPolicyGroupStep } from './shared-policy-group/step.ts';

export { SharedPolicyGroupStatus };

/** API types a shared policy group can serve. */
export const SharedPolicyGroupApiType = z.enum(['MESSAGE', 'PROXY']);

/** Flow phases a shared policy group can run in. */
export const SharedPolicyGroupPhase = z.enum(['REQUEST', 'RESPONSE', 'PUBLISH', 'SUBSCRIBE']);

/** Desired state of a SharedPolicyGroup. */
export const SharedPolicyGroupSpec = z
  .strictObject({
    apiType: SharedPolicyGroupApiType.describe('Type of the APIs that can use the group.'),
    contextRef: ObjectRef.describe('ManagementContext used to sync the group with APIM.'),
    crossId: z.string().optional().describe('Identifies the group across environments when promoting it.'),
    description: z.string().optional().describe('Description of the group.'),
    hrid: z.string().optional().describe('Human-readable id of the group.'),
    name: z.string().describe('Name of the group.'),
    phase: SharedPolicyGroupPhase.describe('Flow phase the group runs in.'),
    prerequisiteMessage: z
      .string()
      .optional()
      .describe('Message shown to API publishers about what the group expects (e.g. a required resource).'),
    steps: z.array(SharedPolicyGroupStep).optional().describe('Policies run, in order.'),
  })
  .describe('Desired state of a shared policy group.');

/** A complete SharedPolicyGroup resource. */
export const SharedPolicyGroupResource = customResource(
  'SharedPolicyGroup',
  SharedPolicyGroupSpec,
  SharedPolicyGroupStatus,
);

/** SharedPolicyGroup spec after defaults are applied. */
export type SharedPolicyGroupSpec = z.infer<typeof SharedPolicyGroupSpec>;
/** SharedPolicyGroup spec as written by a user (defaults not yet applied). */
export type SharedPolicyGroupSpecInput = z.input<typeof SharedPolicyGroupSpec>;
/** A SharedPolicyGroup resource after defaults are applied. */
export type SharedPolicyGroupResource = z.infer<typeof SharedPolicyGroupResource>;
/** A SharedPolicyGroup resource as written by a user (defaults not yet applied). */
export type SharedPolicyGroupResourceInput = z.input<typeof SharedPolicyGroupResource>;

/** The SharedPolicyGroup kind. */
export const sharedPolicyGroupKind = defineKind({
  kind: 'SharedPolicyGroup',
  plural: 'sharedpolicygroups',
  shortNames: ['sharedpolicygroups'],
  finalizer: 'finalizers.gravitee.io/sharedpolicygroups',
  description: 'A reusable sequence of policies for one flow phase, referenced from API flows.',
  spec: SharedPolicyGroupSpec,
  status: SharedPolicyGroupStatus,
  resource: SharedPolicyGroupResource,
  printerColumns: [
    { name: 'name', jsonPath: '.spec.name', type: 'string' },
    { name: 'description', jsonPath: '.spec.description', type: 'string' },
    { name: 'apiType', jsonPath: '.spec.apiType', type: 'string' },
  ],
});
