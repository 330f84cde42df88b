/**
 * Contract of the `ApiResource` custom resource: a policy resource (cache, OAuth2 server,
 * authentication provider…) declared once and referenced by APIs through `resources[].ref`.
 */
import { z } from 'zod';
import { defineKind } from './kind-definition.ts';
import { customResource } from './resource.ts';
import { freeFormObject } from './schema-helpers.ts';

/** Desired state of an ApiResource. */
export const ApiResourceSpec = z
  .strictObject({
    configuration: freeFormObject()
      .optional()
      .describe('Configuration of the resource plugin; its shape belongs to the plugin.'),
    enabled: z.boolean().default(true).describe('Whether the resource is available to policies.'),
    name: z.string().optional().describe('Name policies use to find the resource.'),
    type: z.string().optional().describe('Resource plugin identifier (e.g. cache-redis, oauth2).'),
  })
  .describe('A reusable policy resource, copied into every API that references it.');

/**
 * Observed state of an ApiResource.
 *
 * GKO records nothing here (the resource only lives inside the APIs that reference it), and its CRD
 * declares an object without fields, so the API server prunes anything written to it.
 */
export const ApiResourceStatus = z
  .strictObject({})
  .describe('Observed state of the resource (always empty).');

/** A complete ApiResource resource. */
export const ApiResourceResource = customResource('ApiResource', ApiResourceSpec, ApiResourceStatus);

/** ApiResource spec after defaults are applied. */
export type ApiResourceSpec = z.infer<typeof ApiResourceSpec>;
/** ApiResource spec as written by a user (defaults not yet applied). */
export type ApiResourceSpecInput = z.input<typeof ApiResourceSpec>;
/** ApiResource status. */
export type ApiResourceStatus = z.infer<typeof ApiResourceStatus>;
/** An ApiResource resource after defaults are applied. */
export type ApiResourceResource = z.infer<typeof ApiResourceResource>;
/** An ApiResource resource as written by a user (defaults not yet applied). */
export type ApiResourceResourceInput = z.input<typeof ApiResourceResource>;

/** The ApiResource kind. */
export const apiResourceKind = defineKind({
  kind: 'ApiResource',
  plural: 'apiresources',
  shortNames: [],
  finalizer: 'finalizers.gravitee.io/apiresource',
  description: 'A policy resource (cache, OAuth2 server, authentication provider…) shared by several APIs.',
  spec: ApiResourceSpec,
  status: ApiResourceStatus,
  resource: ApiResourceResource,
  printerColumns: [],
});
