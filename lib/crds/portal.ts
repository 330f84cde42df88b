/**
 * Contract of the `Portal` custom resource: a Gravitee next-gen developer portal and its navigation.
 * Content is attached to it by PortalListing, PortalLink and Documentation resources.
 */
import { z } from 'zod';
import { conditionList } from './condition.ts';
import { defineKind } from './kind-definition.ts';
import { ObjectRef } from './object-ref.ts';
import { DeprecatedNavigation, NavigationStructure } from './portal/navigation.ts';
import { customResource } from './resource.ts';
import { StatusErrors } from './status-errors.ts';

/**
 * Desired state of a Portal.
 *
 * GKO's admission refuses `navigation` together with `structure` and requires `contextRef`; its CRD
 * requires neither, so this schema leaves both to admission.
 */
export const PortalSpec = z
  .strictObject({
    contextRef: ObjectRef.optional().describe(
      'ManagementContext of the APIM environment hosting the portal.',
    ),
    name: z.string().describe('Display name of the portal.'),
    navigation: DeprecatedNavigation.optional().describe(
      'Deprecated flat navigation; use structure.topNavbar (the two are exclusive).',
    ),
    structure: NavigationStructure.optional(),
  })
  .describe('Desired state of a next-gen developer portal.');

/** Observed state of a Portal. */
export const PortalStatus = z
  .strictObject({
    conditions: conditionList().describe('Latest observations of the portal (e.g. Accepted, ResolvedRefs).'),
    environmentId: z.string().optional().describe('APIM environment the portal is synced to.'),
    errors: StatusErrors.optional(),
    id: z.string().optional().describe('Id of the portal in APIM.'),
    organizationId: z.string().optional().describe('APIM organization the portal is synced to.'),
  })
  .describe('Observed state of the portal.');

/** A complete Portal resource. */
export const PortalResource = customResource('Portal', PortalSpec, PortalStatus);

/** Portal spec. */
export type PortalSpec = z.infer<typeof PortalSpec>;
/** Portal status after defaults are applied. */
export type PortalStatus = z.infer<typeof PortalStatus>;
/** A Portal resource after defaults are applied. */
export type PortalResource = z.infer<typeof PortalResource>;
/** A Portal resource as written by a user (defaults not yet applied). */
export type PortalResourceInput = z.input<typeof PortalResource>;

/** The Portal kind. */
export const portalKind = defineKind({
  kind: 'Portal',
  plural: 'portals',
  shortNames: ['graviteeportals'],
  finalizer: 'finalizers.gravitee.io/portals',
  description: 'A Gravitee next-gen developer portal and its navigation.',
  spec: PortalSpec,
  status: PortalStatus,
  resource: PortalResource,
  printerColumns: [{ name: 'Display Name', jsonPath: '.spec.name', type: 'string' }],
});
