/**
 * The current time as the API server writes it: RFC 3339 in UTC with whole seconds
 * (`metav1.Time` drops the fraction), e.g. `2025-01-31T12:00:00Z`.
 */
export function nowTimestamp(now: Date = new Date()): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
