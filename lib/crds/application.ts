/**
 * Contract of the `Application` custom resource: a Gravitee application, the consumer side that
 * subscribes to API plans.
 *
 * The nested structures live in `./application/`; this module assembles the spec, status and resource.
 */
import { z } from 'zod';
import { ApplicationMember } from './application/member.ts';
import { ApplicationMetadata } from './application/metadata.ts';
import { ApplicationSettings } from './application/settings.ts';
import { ApplicationStatus } from './application/status.ts';
import { defineKind } from './kind-definition.ts';
import { ObjectRef } from './object-ref.ts';
import { customResource } from './resource.ts';
import { stringList } from './schema-helpers.ts';

export { ApplicationStatus };

/** Desired state of an Application. */
export const ApplicationSpec = z
  .strictObject({
    background: z.string().optional().describe('Base64-encoded background image shown on the portal.'),
    contextRef: ObjectRef.describe('ManagementContext used to sync the application with APIM.'),
    description: z.string().describe('Application description.'),
    domain: z.string().optional().describe('Domain of the application.'),
    groups: stringList().optional().describe('APIM groups (names or ids) granted access to the application.'),
    hrid: z.string().optional().describe('Human-readable id of the application.'),
    id: z.string().optional().describe('Application id; derived from the resource when empty.'),
    members: z.array(ApplicationMember).optional().describe('Users granted a role on the application.'),
    metadata: z.array(ApplicationMetadata).optional().describe('Application metadata entries.'),
    name: z.string().describe('Application name.'),
    notifyMembers: z.boolean().optional().describe('Notify members when they are added to the application.'),
    picture: z
      .string()
      .optional()
      .describe('Base64-encoded picture shown on the portal (when pictureUrl is not used).'),
    pictureUrl: z.string().optional().describe('URL of the picture shown on the portal.'),
    settings: ApplicationSettings,
  })
  .describe('Desired state of a Gravitee application.');

/** A complete Application resource. */
export const ApplicationResource = customResource('Application', ApplicationSpec, ApplicationStatus);

/** Application spec after defaults are applied. */
export type ApplicationSpec = z.infer<typeof ApplicationSpec>;
/** Application spec as written by a user (defaults not yet applied). */
export type ApplicationSpecInput = z.input<typeof ApplicationSpec>;
/** An Application resource after defaults are applied. */
export type ApplicationResource = z.infer<typeof ApplicationResource>;
/** An Application resource as written by a user (defaults not yet applied). */
export type ApplicationResourceInput = z.input<typeof ApplicationResource>;

/** The Application kind. */
export const applicationKind = defineKind({
  kind: 'Application',
  plural: 'applications',
  shortNames: ['graviteeapplications'],
  finalizer: 'finalizers.gravitee.io/applicationdeletion',
  description: 'A Gravitee application, which subscribes to API plans.',
  spec: ApplicationSpec,
  status: ApplicationStatus,
  resource: ApplicationResource,
  // GKO's second column points at a field the spec does not have (the type is under settings);
  // it is kept as is so `kubectl get` prints the same columns with either CRD installed.
  printerColumns: [
    { name: 'Name', jsonPath: '.spec.name', type: 'string' },
    { name: 'Type', jsonPath: '.spec.applicationType', type: 'string' },
  ],
});
