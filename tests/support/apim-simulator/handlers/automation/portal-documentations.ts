import { portalScopedId } from '../../ids/hrid-to-uuid.ts';
import type { HridResourceKind } from '../hrid-resource-kind.ts';
import { documentationKind } from './documentation-pages.ts';
import { KIND } from './kind-names.ts';
import { establishedPortalErrors } from './portal-scope.ts';

/**
 * Portal documentation pages (see `documentation-pages.ts`): the id derives from the portal's
 * sub-resource cross id + environment + page hrid; once a portal exists in the environment, a page of
 * another portal is a severe error on `portalHrid`.
 */
export const portalDocumentationsKind: HridResourceKind = documentationKind({
  kind: KIND.portalDocumentation,
  operations: {
    createOrUpdate: 'createOrUpdatePortalDocumentation',
    get: 'getPortalDocumentation',
    delete: 'deletePortalDocumentation',
  },
  parentParam: 'portalHrid',
  identify: (context, portalHrid, hrid) => ({
    id: portalScopedId(context.organizationId, context.environment.id, portalHrid, hrid),
  }),
  parentErrors: (context, portalHrid) => establishedPortalErrors(context, portalHrid, 'portalHrid'),
});
