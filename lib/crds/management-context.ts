/**
 * Contract of the `ManagementContext` custom resource: how to reach and authenticate against a
 * Gravitee API Management (or Gravitee Cloud) installation.
 */
import { z } from 'zod';
import { conditionList } from './condition.ts';
import { defineKind } from './kind-definition.ts';
import { ObjectRef } from './object-ref.ts';
import { customResource } from './resource.ts';

/** Username/password pair for basic authentication against the management API. */
export const BasicCredentials = z
  .strictObject({
    username: z.string(),
    password: z.string(),
  })
  .describe('Basic authentication credentials for the management API.');

/** How the operator authenticates against the management API. */
export const ManagementContextAuth = z
  .strictObject({
    bearerToken: z
      .string()
      .optional()
      .describe('Personal access token of an APIM user, sent as a bearer token.'),
    credentials: BasicCredentials.optional(),
    secretRef: ObjectRef.optional().describe(
      'Secret holding either a "bearerToken" key or "username" and "password" keys.',
    ),
  })
  .describe('Authentication used to call the management API.');

/** Settings that make the context target Gravitee Cloud instead of a self-hosted APIM. */
export const ManagementContextCloud = z
  .strictObject({
    secretRef: ObjectRef.optional().describe('Secret holding the Cloud token under the "cloudToken" key.'),
    token: z.string().optional().describe('Gravitee Cloud token (a JWT), in plain text.'),
  })
  .describe('When set (token or secretRef), the context targets Gravitee Cloud.');

/** Desired state of a ManagementContext. */
export const ManagementContextSpec = z
  .strictObject({
    auth: ManagementContextAuth.optional(),
    baseUrl: z.string().optional().describe('Base URL of the management API.'),
    cloud: ManagementContextCloud.optional(),
    environmentId: z.string().optional().describe('Identifier of an existing APIM environment.'),
    organizationId: z.string().optional().describe('Identifier of an existing APIM organization.'),
    path: z
      .string()
      .optional()
      .describe('Overrides the context path appended to baseUrl to reach the management API.'),
  })
  .describe('Connection settings for one APIM environment.');

/** Observed state of a ManagementContext. */
export const ManagementContextStatus = z
  .strictObject({
    conditions: conditionList().describe('Latest observations of the context (e.g. Accepted).'),
  })
  .describe('Observed state of the management context.');

/** A complete ManagementContext resource. */
export const ManagementContextResource = customResource(
  'ManagementContext',
  ManagementContextSpec,
  ManagementContextStatus,
);

/** ManagementContext spec after defaults are applied. */
export type ManagementContextSpec = z.infer<typeof ManagementContextSpec>;
/** ManagementContext status after defaults are applied. */
export type ManagementContextStatus = z.infer<typeof ManagementContextStatus>;
/** A ManagementContext resource after defaults are applied. */
export type ManagementContextResource = z.infer<typeof ManagementContextResource>;
/** A ManagementContext resource as written by a user (defaults not yet applied). */
export type ManagementContextResourceInput = z.input<typeof ManagementContextResource>;

/** The ManagementContext kind. */
export const managementContextKind = defineKind({
  kind: 'ManagementContext',
  plural: 'managementcontexts',
  shortNames: ['graviteecontexts'],
  finalizer: 'finalizers.gravitee.io/managementcontextdeletion',
  description: 'Connection and credentials for one Gravitee API Management environment.',
  spec: ManagementContextSpec,
  status: ManagementContextStatus,
  resource: ManagementContextResource,
  printerColumns: [{ name: 'BaseUrl', jsonPath: '.spec.baseUrl', type: 'string' }],
});
