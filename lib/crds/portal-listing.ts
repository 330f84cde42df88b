/**
 * Contract of the `PortalListing` custom resource: APIs published to a Portal, each at a location
 * of the portal navigation.
 */
import { z } from 'zod';
import { conditionList } from './condition.ts';
import { defineKind } from './kind-definition.ts';
import { ObjectRef } from './object-ref.ts';
import { PortalApiEntry } from './portal-listing/api-entry.ts';
import { customResource } from './resource.ts';
import { StatusErrors } from './status-errors.ts';

/** Desired state of a PortalListing. */
export const PortalListingSpec = z
  .strictObject({
    apis: z
      .array(PortalApiEntry)
      .min(1)
      .describe('APIs to publish; list order is the display order among siblings without an order.'),
    portalRef: ObjectRef.describe('The Portal the APIs are published to (cannot change later).'),
  })
  .describe('APIs published to a portal.');

/** Observed state of a PortalListing. */
export const PortalListingStatus = z
  .strictObject({
    conditions: conditionList().describe('Latest observations of the listing (e.g. Accepted, ResolvedRefs).'),
    environmentId: z.string().optional().describe('APIM environment the listing is synced to.'),
    errors: StatusErrors.optional(),
    id: z.string().optional().describe('Id of the listing in APIM.'),
    organizationId: z.string().optional().describe('APIM organization the listing is synced to.'),
  })
  .describe('Observed state of the portal listing.');

/** A complete PortalListing resource. */
export const PortalListingResource = customResource('PortalListing', PortalListingSpec, PortalListingStatus);

/** PortalListing spec. */
export type PortalListingSpec = z.infer<typeof PortalListingSpec>;
/** PortalListing status after defaults are applied. */
export type PortalListingStatus = z.infer<typeof PortalListingStatus>;
/** A PortalListing resource after defaults are applied. */
export type PortalListingResource = z.infer<typeof PortalListingResource>;
/** A PortalListing resource as written by a user (defaults not yet applied). */
export type PortalListingResourceInput = z.input<typeof PortalListingResource>;

/** The PortalListing kind. */
export const portalListingKind = defineKind({
  kind: 'PortalListing',
  plural: 'portallistings',
  shortNames: ['graviteeportallistings'],
  finalizer: 'finalizers.gravitee.io/portallistings',
  description: 'APIs published to a next-gen developer portal, each at a navigation location.',
  spec: PortalListingSpec,
  status: PortalListingStatus,
  resource: PortalListingResource,
  printerColumns: [{ name: 'Portal', jsonPath: '.spec.portalRef.name', type: 'string' }],
});
