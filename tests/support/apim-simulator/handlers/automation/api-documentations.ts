import { apiDocumentationId } from '../../ids/hrid-to-uuid.ts';
import type { HridResourceKind } from '../hrid-resource-kind.ts';
import { documentationKind } from './documentation-pages.ts';
import { KIND } from './kind-names.ts';

/**
 * API documentation pages of the next-gen portal (see `documentation-pages.ts`): the id derives from the
 * API's documentation cross id (organization + `api` + API hrid) + environment + page hrid. Deleting
 * the API leaves its pages, which APIM keeps for an API of that hrid to come back.
 */
export const apiDocumentationsKind: HridResourceKind = documentationKind({
  kind: KIND.apiDocumentation,
  operations: {
    createOrUpdate: 'createOrUpdateApiDocumentation',
    get: 'getApiDocumentation',
    delete: 'deleteApiDocumentation',
  },
  parentParam: 'apiHrid',
  identify: (context, apiHrid, hrid) => ({
    id: apiDocumentationId(context.organizationId, context.environment.id, apiHrid, hrid),
  }),
});
