import { list, record } from '../accessors.ts';
import { apiView } from '../api-view.ts';
import { type AdmissionIssue, admissionError, fieldPath } from '../issue.ts';
import { apiKindOf, describeReference, referenceAt, sameObject } from '../references.ts';
import type { AdmissionContext } from '../rule.ts';
import { portalParent } from './portal-parent.ts';

/**
 * A listing publishes ApiV4Definitions only; each exists, references a ManagementContext, and the same
 * one as the portal.
 */
export function listedApisFitPortal(context: AdmissionContext): AdmissionIssue[] {
  const { spec, namespace, lookup } = context;
  const portal = portalParent(context);
  const issues: AdmissionIssue[] = [];
  list(spec.apis).forEach((item, index) => {
    const field = fieldPath('spec', 'apis', index, 'ref');
    const ref = referenceAt(record(item).ref, namespace);
    if (!ref) return;
    if (apiKindOf(ref.kind) !== 'ApiV4Definition') {
      issues.push(admissionError(`${field}.kind`, `a portal only lists ApiV4Definitions, not ${ref.kind}`));
      return;
    }
    const resource = lookup.get('ApiV4Definition', ref.namespace, ref.name);
    if (!resource) {
      issues.push(
        admissionError(field, `ApiV4Definition ${describeReference(ref)} does not exist`, {
          kind: 'ApiV4Definition',
          name: ref.name,
          namespace: ref.namespace,
        }),
      );
      return;
    }
    const api = apiView('ApiV4Definition', resource);
    if (!api.contextRef) {
      issues.push(
        admissionError(field, `ApiV4Definition ${describeReference(ref)} references no ManagementContext`),
      );
      return;
    }
    if (portal?.contextRef && !sameObject(portal.contextRef, api.contextRef)) {
      issues.push(
        admissionError(
          field,
          `ApiV4Definition ${describeReference(ref)} uses ManagementContext ${describeReference(api.contextRef)}, the portal uses ${describeReference(portal.contextRef)}`,
        ),
      );
    }
  });
  return issues;
}
