/** RFC 3339 date-time as Go's `time.RFC3339` layout parses it: upper-case `T`, optional fraction, `Z` or offset. */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * Re-formats an RFC 3339 date-time the way Go's `time.Parse(time.RFC3339, …)` then
 * `Format(time.RFC3339)` does: the fraction of a second is dropped, a zero offset is written `Z`, any
 * other offset is kept. Returns `undefined` for anything Go would refuse (wrong layout, day 31 of a
 * 30-day month, hour 24, offset hour 24…).
 *
 * @example
 * toRfc3339Seconds('2040-12-25T09:12:28.123456+00:00'); // '2040-12-25T09:12:28Z'
 * toRfc3339Seconds('2040-12-25T09:12:28.5+01:00'); // '2040-12-25T09:12:28+01:00'
 * toRfc3339Seconds('25/12/2040'); // undefined
 */
export function toRfc3339Seconds(value: string): string | undefined {
  const match = RFC3339.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, zone, zoneHour, zoneMinute] = match as unknown as string[];
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  const validDate =
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day);
  const validTime = Number(hour) < 24 && Number(minute) < 60 && Number(second) < 60;
  const validZone = zone === 'Z' || (Number(zoneHour) < 24 && Number(zoneMinute) < 60);
  if (!validDate || !validTime || !validZone) return undefined;
  const zeroOffset = zone === 'Z' || (Number(zoneHour) === 0 && Number(zoneMinute) === 0);
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${zeroOffset ? 'Z' : zone}`;
}
