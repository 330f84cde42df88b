import { entries, text } from '../accessors.ts';
import { type AdmissionIssue, admissionError, fieldPath } from '../issue.ts';
import type { AdmissionContext } from '../rule.ts';

/** A page's `parent` must be the key of another page of the same API. */
export function pageParentsExist({ spec }: AdmissionContext): AdmissionIssue[] {
  const pages = entries(spec.pages);
  const keys = new Set(pages.map(([key]) => key));
  const issues: AdmissionIssue[] = [];
  for (const [key, page] of pages) {
    const parent = text(page.parent);
    if (parent !== undefined && !keys.has(parent)) {
      issues.push(
        admissionError(
          fieldPath('spec', 'pages', key, 'parent'),
          `parent page "${parent}" is not a page of this API`,
        ),
      );
    }
  }
  return issues;
}
