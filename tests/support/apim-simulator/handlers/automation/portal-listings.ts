import { portalScopedId } from '../../ids/hrid-to-uuid.ts';
import { objectItems } from '../../json.ts';
import type { HridResourceKind } from '../hrid-resource-kind.ts';
import { KIND } from './kind-names.ts';
import { navigationPathErrors } from './navigation-paths.ts';
import { establishedPortalErrors } from './portal-scope.ts';

/**
 * Portal listings (APIs placed in a portal's navigation) through the automation API, as APIM 4.12 handles
 * them:
 * - the id derives from the portal's sub-resource cross id + environment + listing hrid;
 * - format checks only: neither the portal nor the listed APIs need to exist, but once a portal exists
 *   in the environment a listing of another portal is a severe error on `portalHrid`, and every
 *   `apis[i].location` must be a well-formed navigation path;
 * - severe errors fail an import with their messages joined by ", "; `errors` appear (unsorted) only
 *   when there are some; answers carry `portalHrid`.
 */
export const portalListingsKind: HridResourceKind = {
  kind: KIND.portalListing,
  operations: {
    createOrUpdate: 'createOrUpdatePortalListing',
    get: 'getPortalListing',
    delete: 'deletePortalListing',
  },
  parentParam: 'portalHrid',
  identify: (context, spec) => ({
    id: portalScopedId(
      context.organizationId,
      context.environment.id,
      context.pathParams.portalHrid ?? '',
      String(spec.hrid),
    ),
  }),
  validate: (context, candidate) => ({
    severe: [
      ...establishedPortalErrors(context, candidate.parentHrid ?? '', 'portalHrid'),
      ...objectItems(candidate.spec, 'apis').flatMap((entry, index) =>
        navigationPathErrors(String(entry.location), `apis[${index}].location`),
      ),
    ],
    warning: [],
  }),
  present: (resource, view) => ({
    hrid: resource.hrid,
    apis:
      view === 'get'
        ? objectItems(resource.spec, 'apis').map(({ apiHrid, location, order }) => ({
            apiHrid,
            location,
            ...(order === undefined ? {} : { order }),
          }))
        : resource.spec.apis,
    id: resource.id,
    organizationId: resource.organizationId,
    environmentId: resource.environmentId,
    portalHrid: resource.parentHrid,
  }),
  importFailure: (severe) => severe.join(', '),
  importErrors: 'when-any',
  sortsErrors: false,
};
