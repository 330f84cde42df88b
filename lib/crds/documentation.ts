/**
 * Contract of the `Documentation` custom resource: one documentation page (Gravitee Markdown,
 * OpenAPI or AsyncAPI) of a next-gen developer Portal or of a v4 API.
 *
 * Not the `pages` of an ApiV4Definition (`api-v4/page.ts`): those are classic-portal pages with
 * folders, visibility and fetchers; these are next-gen portal pages placed in a navigation tree.
 */
import { z } from 'zod';
import { conditionList } from './condition.ts';
import { defineKind } from './kind-definition.ts';
import { ObjectRef } from './object-ref.ts';
import { customResource } from './resource.ts';
import { int32 } from './schema-helpers.ts';
import { StatusErrors } from './status-errors.ts';

/** Content types of a documentation page. */
export const DocumentationPageType = z.enum(['GRAVITEE_MARKDOWN', 'OPENAPI', 'ASYNCAPI']);

/** Portal areas a page can be displayed in. */
export const DocumentationArea = z.enum(['TOP_NAVBAR', 'HOMEPAGE']);

/** Message of the rule that a page has exactly one owner, worded as GKO's CRD words it. */
const ONE_PARENT_MESSAGE = 'exactly one of portalRef or apiRef must be set';

/** Desired state of a Documentation page. */
export const DocumentationSpec = z
  .strictObject({
    apiRef: ObjectRef.optional().describe(
      'The v4 API owning the page (kind defaults to ApiV4Definition); exclusive with portalRef.',
    ),
    area: DocumentationArea.optional().describe(
      'Portal area showing the page; TOP_NAVBAR when empty, HOMEPAGE replaces the portal homepage.',
    ),
    content: z.string().describe('Page content.'),
    location: z
      .string()
      .regex(/^\//)
      .optional()
      .describe('Navigation path under which the page appears; it must exist in the owner navigation.'),
    name: z.string().describe('Display name of the page.'),
    order: int32().optional().describe('Position among siblings at the same location.'),
    portalRef: ObjectRef.optional().describe('The Portal owning the page; exclusive with apiRef.'),
    type: DocumentationPageType.describe('Content type of the page.'),
  })
  .superRefine((spec, ctx) => {
    if ((spec.portalRef === undefined) === (spec.apiRef === undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: ONE_PARENT_MESSAGE });
    }
  })
  // The same rule as a CEL validation, so the API server enforces it too (as GKO's CRD does).
  .meta({
    'x-kubernetes-validations': [
      { rule: 'has(self.portalRef) != has(self.apiRef)', message: ONE_PARENT_MESSAGE },
    ],
  })
  .describe('A documentation page of a portal or of a v4 API.');

/** Observed state of a Documentation page. */
export const DocumentationStatus = z
  .strictObject({
    conditions: conditionList().describe('Latest observations of the page (e.g. Accepted, ResolvedRefs).'),
    environmentId: z.string().optional().describe('APIM environment the page is synced to.'),
    errors: StatusErrors.optional(),
    id: z.string().optional().describe('Id of the page in APIM.'),
    organizationId: z.string().optional().describe('APIM organization the page is synced to.'),
  })
  .describe('Observed state of the documentation page.');

/** A complete Documentation resource. */
export const DocumentationResource = customResource('Documentation', DocumentationSpec, DocumentationStatus);

/** Documentation spec. */
export type DocumentationSpec = z.infer<typeof DocumentationSpec>;
/** Documentation status after defaults are applied. */
export type DocumentationStatus = z.infer<typeof DocumentationStatus>;
/** A Documentation resource after defaults are applied. */
export type DocumentationResource = z.infer<typeof DocumentationResource>;
/** A Documentation resource as written by a user (defaults not yet applied). */
export type DocumentationResourceInput = z.input<typeof DocumentationResource>;

/** The Documentation kind. */
export const documentationKind = defineKind({
  kind: 'Documentation',
  plural: 'documentations',
  shortNames: ['graviteedocumentations'],
  finalizer: 'finalizers.gravitee.io/documentations',
  description: 'A documentation page (Gravitee Markdown, OpenAPI or AsyncAPI) of a portal or of a v4 API.',
  spec: DocumentationSpec,
  status: DocumentationStatus,
  resource: DocumentationResource,
  printerColumns: [
    { name: 'Type', jsonPath: '.spec.type', type: 'string' },
    { name: 'Location', jsonPath: '.spec.location', type: 'string' },
  ],
});
