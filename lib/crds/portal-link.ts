/**
 * Contract of the `PortalLink` custom resource: an external link shown in a Portal navigation.
 */
import { z } from 'zod';
import { conditionList } from './condition.ts';
import { defineKind } from './kind-definition.ts';
import { ObjectRef } from './object-ref.ts';
import { customResource } from './resource.ts';
import { int32 } from './schema-helpers.ts';
import { StatusErrors } from './status-errors.ts';

/** Desired state of a PortalLink. */
export const PortalLinkSpec = z
  .strictObject({
    href: z.string().describe('URL the link points to.'),
    location: z
      .string()
      .regex(/^\//)
      .optional()
      .describe('Navigation path under which the link appears; it must exist in the portal navigation.'),
    name: z.string().describe('Display name of the link.'),
    order: int32().optional().describe('Position among siblings at the same location.'),
    portalRef: ObjectRef.describe('The Portal the link belongs to (cannot change later).'),
  })
  .describe('An external link in a portal navigation.');

/** Observed state of a PortalLink. */
export const PortalLinkStatus = z
  .strictObject({
    conditions: conditionList().describe('Latest observations of the link (e.g. Accepted, ResolvedRefs).'),
    environmentId: z.string().optional().describe('APIM environment the link is synced to.'),
    errors: StatusErrors.optional(),
    id: z.string().optional().describe('Id of the link in APIM.'),
    organizationId: z.string().optional().describe('APIM organization the link is synced to.'),
  })
  .describe('Observed state of the portal link.');

/** A complete PortalLink resource. */
export const PortalLinkResource = customResource('PortalLink', PortalLinkSpec, PortalLinkStatus);

/** PortalLink spec. */
export type PortalLinkSpec = z.infer<typeof PortalLinkSpec>;
/** PortalLink status after defaults are applied. */
export type PortalLinkStatus = z.infer<typeof PortalLinkStatus>;
/** A PortalLink resource after defaults are applied. */
export type PortalLinkResource = z.infer<typeof PortalLinkResource>;
/** A PortalLink resource as written by a user (defaults not yet applied). */
export type PortalLinkResourceInput = z.input<typeof PortalLinkResource>;

/** The PortalLink kind. */
export const portalLinkKind = defineKind({
  kind: 'PortalLink',
  plural: 'portallinks',
  shortNames: ['graviteeportallinks'],
  finalizer: 'finalizers.gravitee.io/portallinks',
  description: 'An external link in the navigation of a next-gen developer portal.',
  spec: PortalLinkSpec,
  status: PortalLinkStatus,
  resource: PortalLinkResource,
  printerColumns: [{ name: 'Portal', jsonPath: '.spec.portalRef.name', type: 'string' }],
});
