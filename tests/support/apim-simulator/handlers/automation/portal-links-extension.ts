import type { SpecExtension } from '../../openapi/spec-bundle.ts';

const stateResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/PortalLinkState' } } },
});

const errorResponses = {
  '401': { $ref: '#/components/responses/Unauthenticated' },
  '403': { $ref: '#/components/responses/Unauthorized' },
  default: { $ref: '#/components/responses/Error' },
};

/**
 * EXTENSION OUTSIDE THE VALIDATED SPEC. `portals/{portalHrid}/links` is not in APIM 4.12.17's automation
 * document, but GKO manages PortalLink resources through it. Its operations and schemas are copied from
 * the automation document of APIM's main branch (commit 5744301542d, "feat(automation): portal links")
 * and merged into the 4.12.17 document only, so requests and answers are still validated, against a
 * contract that no 4.12 release publishes.
 */
export const portalLinksSpecExtension: SpecExtension = {
  document: 'automation',
  requiresPath: '/organizations/{orgId}/environments/{envId}/portals/{hrid}',
  paths: {
    '/organizations/{orgId}/environments/{envId}/portals/{portalHrid}/links': {
      put: {
        operationId: 'createOrUpdatePortalLink',
        tags: ['Portal Links'],
        summary: 'Create or update a Portal Link',
        parameters: [
          { $ref: '#/components/parameters/orgIdParam' },
          { $ref: '#/components/parameters/envIdParam' },
          { $ref: '#/components/parameters/portalHridParam' },
          { $ref: '#/components/parameters/dryRunQueryParam' },
        ],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/PortalLinkSpec' } } },
        },
        responses: {
          '200': stateResponse('State of the successfully created/updated Portal Link'),
          '400': { $ref: '#/components/responses/BadRequest' },
          ...errorResponses,
        },
      },
    },
    '/organizations/{orgId}/environments/{envId}/portals/{portalHrid}/links/{hrid}': {
      parameters: [
        { $ref: '#/components/parameters/orgIdParam' },
        { $ref: '#/components/parameters/envIdParam' },
        { $ref: '#/components/parameters/portalHridParam' },
        { $ref: '#/components/parameters/hridParam' },
      ],
      get: {
        operationId: 'getPortalLink',
        tags: ['Portal Links'],
        summary: 'Get one Portal Link',
        responses: {
          '200': stateResponse('Portal Link successfully retrieved'),
          '404': { $ref: '#/components/responses/NotFound' },
          ...errorResponses,
        },
      },
      delete: {
        operationId: 'deletePortalLink',
        tags: ['Portal Links'],
        summary: 'Delete one Portal Link',
        responses: {
          '204': { description: 'Portal Link successfully deleted' },
          '404': { $ref: '#/components/responses/NotFound' },
          ...errorResponses,
        },
      },
    },
  },
  schemas: {
    PortalLinkSpec: {
      description: "An external navigation entry placed in a portal's navigation: a URL with a display name.",
      type: 'object',
      properties: {
        hrid: { $ref: '#/components/schemas/Hrid' },
        name: { type: 'string', description: 'Display name of the link' },
        href: { type: 'string', description: 'The URL this link points to' },
        location: {
          type: 'string',
          description: 'The path in the navigation hierarchy where this link should appear.',
        },
        order: { type: 'integer', description: 'Display order relative to siblings at the same location' },
      },
      required: ['hrid', 'name', 'href'],
    },
    PortalLinkStatus: {
      description: 'Status information for a Portal Link after import.',
      allOf: [
        { $ref: '#/components/schemas/BaseStatus' },
        {
          type: 'object',
          properties: {
            portalHrid: {
              type: 'string',
              description: 'The HRID of the portal this link belongs to.',
              readOnly: true,
            },
          },
        },
      ],
    },
    PortalLinkState: {
      description: 'State of a Portal Link that has been created/updated.',
      allOf: [
        { $ref: '#/components/schemas/PortalLinkSpec' },
        { $ref: '#/components/schemas/PortalLinkStatus' },
      ],
    },
  },
};
