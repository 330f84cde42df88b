import type { KindStatusFields } from '../automation-sync.ts';

/** Turns a payload mapper's `{ …fields, errors }` into status fields with severe errors and warnings apart. */
export function splitErrors<T extends { errors: { severe: string[]; warning: string[] } }>(
  fields: T,
): KindStatusFields {
  const { errors, ...rest } = fields;
  const kept: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(rest))
    if (value !== undefined && value !== null) kept[name] = value;
  return { ...(kept as KindStatusFields), severe: errors.severe, warnings: errors.warning };
}
