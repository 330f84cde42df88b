import { record } from '../accessors.ts';
import { type AdmissionIssue, admissionError } from '../issue.ts';
import type { LookedUpResource } from '../lookup.ts';
import { describeReference, type ObjectReference, referenceAt } from '../references.ts';
import { type AdmissionContext, namespaceOf } from '../rule.ts';

/** A portal a resource hangs under, resolved through the lookup. */
export interface PortalParent {
  ref: ObjectReference;
  portal: LookedUpResource | undefined;
  /** The portal's ManagementContext, when the portal exists and names one. */
  contextRef: ObjectReference | undefined;
}

/** Resolves `spec.portalRef`. */
export function portalParent({ spec, namespace, lookup }: AdmissionContext): PortalParent | undefined {
  const ref = referenceAt(spec.portalRef, namespace);
  if (!ref) return undefined;
  const portal = lookup.get('Portal', ref.namespace, ref.name);
  const contextRef = portal ? referenceAt(record(portal.spec).contextRef, namespaceOf(portal)) : undefined;
  return { ref, portal, contextRef };
}

/** The portal named by `spec.portalRef` exists and references a ManagementContext. */
export function portalIssues(parent: PortalParent | undefined): AdmissionIssue[] {
  if (!parent) return [];
  const { ref, portal, contextRef } = parent;
  if (!portal)
    return [
      admissionError('spec.portalRef', `Portal ${describeReference(ref)} does not exist`, {
        kind: 'Portal',
        ...ref,
      }),
    ];
  if (!contextRef)
    return [
      admissionError('spec.portalRef', `Portal ${describeReference(ref)} references no ManagementContext`),
    ];
  return [];
}

/** Rule form of {@link portalIssues}. */
export function portalParentIsUsable(context: AdmissionContext): AdmissionIssue[] {
  return portalIssues(portalParent(context));
}

/** `spec.portalRef` cannot change once the resource exists. */
export function portalReferenceIsImmutable({
  spec,
  previousSpec,
  namespace,
}: AdmissionContext): AdmissionIssue[] {
  if (!previousSpec) return [];
  const before = referenceAt(previousSpec.portalRef, namespace);
  const after = referenceAt(spec.portalRef, namespace);
  if (before?.name === after?.name && before?.namespace === after?.namespace) return [];
  const show = (ref: ObjectReference | undefined) => (ref ? describeReference(ref) : '(none)');
  return [
    admissionError('spec.portalRef', `the portal cannot change (was ${show(before)}, now ${show(after)})`),
  ];
}
