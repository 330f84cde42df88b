import { text } from '../accessors.ts';
import { type AdmissionIssue, admissionError } from '../issue.ts';
import type { AdmissionContext } from '../rule.ts';

/** A MANUAL dictionary has `manual` properties and no `dynamic` provider; a DYNAMIC one the reverse. */
export function dictionaryMatchesType({ spec }: AdmissionContext): AdmissionIssue[] {
  const type = text(spec.type);
  const issues: AdmissionIssue[] = [];
  if (type === 'MANUAL') {
    if (spec.dynamic != null)
      issues.push(admissionError('spec.dynamic', 'a MANUAL dictionary takes no dynamic provider'));
    if (spec.manual == null)
      issues.push(admissionError('spec.manual', 'a MANUAL dictionary needs manual properties'));
  } else if (type === 'DYNAMIC') {
    if (spec.manual != null)
      issues.push(admissionError('spec.manual', 'a DYNAMIC dictionary takes no manual properties'));
    if (spec.dynamic == null)
      issues.push(admissionError('spec.dynamic', 'a DYNAMIC dictionary needs a dynamic provider'));
  } else {
    issues.push(admissionError('spec.type', `unknown dictionary type "${type ?? ''}" (MANUAL or DYNAMIC)`));
  }
  return issues;
}
