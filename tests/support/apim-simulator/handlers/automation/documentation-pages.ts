import { stringMember } from '../../json.ts';
import type { HridResourceKind, ResourceIdentity } from '../hrid-resource-kind.ts';
import type { HandlerContext } from '../operation-handler.ts';
import { navigationPathErrors } from './navigation-paths.ts';

/** What differs between the portal and the API documentation pages. */
export interface DocumentationParent {
  readonly kind: string;
  readonly operations: HridResourceKind['operations'];
  /** `portalHrid` or `apiHrid`: the path parameter naming the parent, echoed under the same name. */
  readonly parentParam: 'portalHrid' | 'apiHrid';
  readonly identify: (context: HandlerContext, parentHrid: string, hrid: string) => ResourceIdentity;
  /** Checks that depend on the parent (the established portal); none for APIs. */
  readonly parentErrors?: (context: HandlerContext, parentHrid: string) => string[];
}

/**
 * Next-gen documentation pages through the automation API, as APIM 4.12 handles them for portals and
 * APIs alike:
 * - format checks only, the parent need not exist (the page waits for it): the name must not be blank,
 *   a `location` must be a well-formed navigation path;
 * - severe errors fail an import with their messages joined by ", "; `errors` appear (unsorted) only
 *   when there are some;
 * - answers carry the parent hrid (`portalHrid` or `apiHrid`).
 */
export function documentationKind(parent: DocumentationParent): HridResourceKind {
  return {
    kind: parent.kind,
    operations: parent.operations,
    parentParam: parent.parentParam,
    identify: (context, spec) =>
      parent.identify(context, context.pathParams[parent.parentParam] ?? '', String(spec.hrid)),
    validate: (context, candidate) => {
      const location = stringMember(candidate.spec, 'location');
      return {
        severe: [
          ...(parent.parentErrors?.(context, candidate.parentHrid ?? '') ?? []),
          ...((stringMember(candidate.spec, 'name') ?? '').trim() === '' ? ['name must not be blank'] : []),
          ...(location === undefined ? [] : navigationPathErrors(location, 'location')),
        ],
        warning: [],
      };
    },
    present: (resource) => {
      const { hrid, name, type, content, location, order } = resource.spec;
      return {
        hrid,
        name,
        type,
        content,
        ...(location === undefined ? {} : { location }),
        ...(order === undefined ? {} : { order }),
        id: resource.id,
        organizationId: resource.organizationId,
        environmentId: resource.environmentId,
        [parent.parentParam]: resource.parentHrid,
      };
    },
    importFailure: (severe) => severe.join(', '),
    importErrors: 'when-any',
    sortsErrors: false,
  };
}
