import { apiView } from '../api-view.ts';
import { type AdmissionIssue, admissionError } from '../issue.ts';
import { apiKindOf, describeReference, type ObjectReference, referenceAt } from '../references.ts';
import type { AdmissionContext } from '../rule.ts';
import { portalIssues, portalParent } from './portal-parent.ts';

/**
 * A Documentation page hangs under exactly one parent: a Portal (`portalRef`) or a v4 API (`apiRef`,
 * the new portal only lists ApiV4Definitions). The parent exists and references a ManagementContext.
 */
export function documentationHasOneParent(context: AdmissionContext): AdmissionIssue[] {
  const { spec, namespace, lookup } = context;
  const hasPortal = spec.portalRef != null;
  const hasApi = spec.apiRef != null;
  if (hasPortal && hasApi)
    return [admissionError('spec', 'set exactly one of portalRef and apiRef, not both')];
  if (!hasPortal && !hasApi) return [admissionError('spec', 'set exactly one of portalRef and apiRef')];
  if (hasPortal) return portalIssues(portalParent(context));
  const ref = referenceAt(spec.apiRef, namespace);
  if (!ref) return [];
  if (apiKindOf(ref.kind) !== 'ApiV4Definition')
    return [
      admissionError(
        'spec.apiRef.kind',
        `documentation can only be attached to an ApiV4Definition, not ${ref.kind}`,
      ),
    ];
  const api = lookup.get('ApiV4Definition', ref.namespace, ref.name);
  if (!api) {
    return [
      admissionError('spec.apiRef', `ApiV4Definition ${describeReference(ref)} does not exist`, {
        kind: 'ApiV4Definition',
        name: ref.name,
        namespace: ref.namespace,
      }),
    ];
  }
  if (!apiView('ApiV4Definition', api).contextRef)
    return [
      admissionError(
        'spec.apiRef',
        `ApiV4Definition ${describeReference(ref)} references no ManagementContext`,
      ),
    ];
  return [];
}

function show(ref: ObjectReference | undefined): string {
  return ref ? describeReference(ref) : '(none)';
}

/** A page cannot move between a portal and an API, nor to another portal or API. */
export function documentationParentIsImmutable({
  spec,
  previousSpec,
  namespace,
}: AdmissionContext): AdmissionIssue[] {
  if (!previousSpec) return [];
  const portalBefore = referenceAt(previousSpec.portalRef, namespace);
  const portalAfter = referenceAt(spec.portalRef, namespace);
  const apiBefore = referenceAt(previousSpec.apiRef, namespace);
  const apiAfter = referenceAt(spec.apiRef, namespace);
  if (portalBefore && apiAfter && !portalAfter)
    return [admissionError('spec.apiRef', 'a portal page cannot be moved to an API')];
  if (apiBefore && portalAfter && !apiAfter)
    return [admissionError('spec.portalRef', 'an API page cannot be moved to a portal')];
  if (show(portalBefore) !== show(portalAfter))
    return [
      admissionError(
        'spec.portalRef',
        `the portal cannot change (was ${show(portalBefore)}, now ${show(portalAfter)})`,
      ),
    ];
  if (show(apiBefore) !== show(apiAfter))
    return [
      admissionError('spec.apiRef', `the API cannot change (was ${show(apiBefore)}, now ${show(apiAfter)})`),
    ];
  return [];
}
