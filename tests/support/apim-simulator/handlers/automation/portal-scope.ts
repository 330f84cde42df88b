import type { HandlerContext } from '../operation-handler.ts';
import { KIND } from './kind-names.ts';

/**
 * APIM 4.12 manages one next-gen portal per environment through automation (unless
 * `automation.portal.allowMultiplePortalPerEnv` is set, which the simulator does not model): once a portal
 * exists, a portal or portal sub-resource naming another portal hrid is a severe error on `field`.
 * Nothing requires the portal to exist: sub-resources of a missing portal are accepted as orphans.
 */
export function establishedPortalErrors(
  context: HandlerContext,
  portalHrid: string,
  field: string,
): string[] {
  const conflict = context.store
    .list(KIND.portal, context.environment.id)
    .some((portal) => portal.hrid !== portalHrid);
  return conflict ? [`${field} does not match the established portal for this environment`] : [];
}

/** True when the portal exists in the request's environment. */
export function portalExists(context: HandlerContext, portalHrid: string): boolean {
  return (
    context.store.get(KIND.portal, context.organizationId, context.environment.id, portalHrid) !== undefined
  );
}
