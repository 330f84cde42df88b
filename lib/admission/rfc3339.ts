/** `2040-12-25T09:12:28Z`, `2040-12-25T09:12:28.5+02:00`: the date-time form GKO parses (Go's RFC 3339). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The instant an RFC 3339 date-time designates, or undefined when it is not one. */
export function parseRfc3339(value: string): Date | undefined {
  if (!RFC3339.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
