/**
 * Contract of the `Group` custom resource: an APIM group of users, granted access to APIs and
 * applications that list it (directly or through `groupRefs`).
 */
import { z } from 'zod';
import { conditionList } from './condition.ts';
import { GroupMember } from './group/member.ts';
import { defineKind } from './kind-definition.ts';
import { ObjectRef } from './object-ref.ts';
import { customResource } from './resource.ts';
import { processingStatusField, StatusErrors } from './status-errors.ts';

/** Desired state of a Group. */
export const GroupSpec = z
  .strictObject({
    contextRef: ObjectRef.optional().describe('ManagementContext used to sync the group with APIM.'),
    hrid: z.string().optional().describe('Human-readable id of the group.'),
    id: z.string().optional().describe('Group id; derived from the resource when empty.'),
    members: z.array(GroupMember).describe('Users of the group and their roles.'),
    name: z.string().describe('Group name.'),
    notifyMembers: z.boolean().default(true).describe('Notify members added to the group when it is synced.'),
  })
  .describe('Desired state of an APIM group.');

/** Observed state of a Group. */
export const GroupStatus = z
  .strictObject({
    conditions: conditionList().describe('Latest observations of the group (e.g. Accepted, ResolvedRefs).'),
    environmentId: z.string().optional().describe('APIM environment the group is synced to.'),
    errors: StatusErrors.optional(),
    id: z.string().optional().describe('Id of the group in APIM.'),
    members: z.int().describe('Number of members added to the group in APIM.'),
    organizationId: z.string().optional().describe('APIM organization the group is synced to.'),
    processingStatus: processingStatusField(),
  })
  .describe('Observed state of the group.');

/** A complete Group resource. */
export const GroupResource = customResource('Group', GroupSpec, GroupStatus);

/** Group spec after defaults are applied. */
export type GroupSpec = z.infer<typeof GroupSpec>;
/** Group spec as written by a user (defaults not yet applied). */
export type GroupSpecInput = z.input<typeof GroupSpec>;
/** Group status after defaults are applied. */
export type GroupStatus = z.infer<typeof GroupStatus>;
/** A Group resource after defaults are applied. */
export type GroupResource = z.infer<typeof GroupResource>;
/** A Group resource as written by a user (defaults not yet applied). */
export type GroupResourceInput = z.input<typeof GroupResource>;

/** The Group kind. */
export const groupKind = defineKind({
  kind: 'Group',
  plural: 'groups',
  shortNames: ['graviteegroups'],
  finalizer: 'finalizers.gravitee.io/groups',
  description: 'An APIM group of users, granted access to the APIs and applications that list it.',
  spec: GroupSpec,
  status: GroupStatus,
  resource: GroupResource,
  printerColumns: [
    {
      name: 'Members at',
      jsonPath: '.status.members',
      type: 'string',
      description: 'The number of members added to the group',
    },
  ],
});
