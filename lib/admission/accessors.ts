/**
 * Small, forgiving readers of loosely typed resources: the admission rules run before (or without) the
 * zod contracts, so they must not assume a field has the type the CRD declares.
 */

/** `value` as a plain object, or an empty one. */
export function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Whether `value` is a plain object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `value` as an array, or an empty one. */
export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** `value` when it is a non-empty string. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** `value` when it is a finite number. */
export function numeric(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Whether a string holds a `[[ … ]]` template, whose value is only known once the template is compiled. */
export function isTemplated(value: string): boolean {
  return value.includes('[[');
}

/** Entries of an object-valued field (`spec.plans`, `spec.pages`), in document order. */
export function entries(value: unknown): Array<[string, Record<string, unknown>]> {
  return Object.entries(record(value)).map(([key, item]) => [key, record(item)]);
}
