import { nameUuid, topLevelId } from '../../ids/hrid-to-uuid.ts';
import { stringMember } from '../../json.ts';
import type { HridResourceKind } from '../hrid-resource-kind.ts';
import { KIND } from './kind-names.ts';
import { navigationPathErrors } from './navigation-paths.ts';
import { establishedPortalErrors, portalExists } from './portal-scope.ts';

/**
 * EXTENSION OUTSIDE THE VALIDATED SPEC (see `portal-links-extension.ts`). Portal links as APIM's main
 * branch handles them (the feature is in no 4.12 release):
 * - the id is seeded with the portal's *id* (not its hrid) as a portal sub-resource, the environment id
 *   and the link hrid; the link is the navigation item itself;
 * - once a portal exists in the environment, a link of another portal is a severe error on
 *   `portalHrid`; a `location` must be a well-formed navigation path; the trimmed name must not be blank
 *   and the trimmed href must be an absolute URL (only the first of these two is reported);
 * - unlike other kinds, a blocked import answers 400 with the state document and its `errors`;
 * - a link of a portal that does not exist is accepted (200, with its id) but not stored, so reading it
 *   is a 404; a stored link keeps the trimmed name and href.
 */
export const portalLinksKind: HridResourceKind = {
  kind: KIND.portalLink,
  operations: {
    createOrUpdate: 'createOrUpdatePortalLink',
    get: 'getPortalLink',
    delete: 'deletePortalLink',
  },
  parentParam: 'portalHrid',
  identify: (context, spec) => ({
    id: portalLinkId(
      context.organizationId,
      context.environment.id,
      context.pathParams.portalHrid ?? '',
      String(spec.hrid),
    ),
  }),
  validate: (context, candidate) => {
    const location = stringMember(candidate.spec, 'location');
    return {
      severe: [
        ...establishedPortalErrors(context, candidate.parentHrid ?? '', 'portalHrid'),
        ...(location === undefined ? [] : navigationPathErrors(location, 'location')),
        ...itemErrors(stringMember(candidate.spec, 'name') ?? '', stringMember(candidate.spec, 'href') ?? ''),
      ],
      warning: [],
    };
  },
  persist: (context, candidate) => {
    if (!portalExists(context, candidate.parentHrid ?? '')) {
      return undefined;
    }
    const name = (stringMember(candidate.spec, 'name') ?? '').trim();
    const href = (stringMember(candidate.spec, 'href') ?? '').trim();
    return { ...candidate, spec: { ...candidate.spec, name, href } };
  },
  present: (resource) => {
    const { hrid, name, href, location, order } = resource.spec;
    return {
      hrid,
      name,
      href,
      ...(location === undefined ? {} : { location }),
      ...(order === undefined ? {} : { order }),
      id: resource.id,
      organizationId: resource.organizationId,
      environmentId: resource.environmentId,
      portalHrid: resource.parentHrid,
    };
  },
  rejectsWithState: true,
  importErrors: 'when-any',
  sortsErrors: false,
};

/** The id APIM gives a portal link: a portal sub-resource id seeded with the portal id (not its hrid). */
export function portalLinkId(
  organizationId: string,
  environmentId: string,
  portalHrid: string,
  hrid: string,
): string {
  const portalId = topLevelId(organizationId, environmentId, portalHrid);
  return nameUuid(nameUuid(`${organizationId}portal${portalId}`) + environmentId + hrid);
}

/** APIM's navigation item rules for a link: a title, then a well-formed absolute URL; the first failure only. */
function itemErrors(name: string, href: string): string[] {
  if (name.trim() === '') {
    return ['The title field is required and cannot be blank.'];
  }
  return isAbsoluteUrl(href.trim()) ? [] : ['Provided url is invalid'];
}

function isAbsoluteUrl(value: string): boolean {
  // java.net.URI + toURL accept absolute URLs with a known scheme and no spaces.
  if (/\s/.test(value)) {
    return false;
  }
  try {
    const url = new URL(value);
    return ['http:', 'https:', 'ftp:', 'file:', 'jar:'].includes(url.protocol);
  } catch {
    return false;
  }
}
