import { kindByName } from '../crds/kinds.ts';
import { describeIssues } from '../crds/validate.ts';
import { TerminalError } from '../errors/sync-errors.ts';

/**
 * Validates a spec (secrets restored) against its kind's CRD contract and returns it with the CRD's defaults
 * applied, as the API server would have stored it. A violation is terminal and names the fields.
 */
export function validatedSpec(kind: string, spec: Record<string, unknown>): Record<string, unknown> {
  const definition = kindByName(kind);
  if (!definition) throw new TerminalError('UnknownKind', `kind ${kind} is not handled by this operator`);
  const parsed = definition.spec.safeParse(spec);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error)
      .slice(0, 5)
      .map((i) => `${i.path ? `spec.${i.path}` : 'spec'}: ${i.message}`)
      .join('; ');
    throw new TerminalError('InvalidSpec', issues);
  }
  return parsed.data as Record<string, unknown>;
}
