import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toRfc3339Seconds } from '../../../lib/apim/payload/rfc3339.ts';

describe("A subscription start date is written back as Go's RFC 3339 layout writes it", () => {
  it('drops the fraction of a second and keeps a non-zero offset', () => {
    // Act
    const written = toRfc3339Seconds('2025-03-01T10:15:30.123456789-05:30');

    // Assess
    assert.equal(written, '2025-03-01T10:15:30-05:30');
  });

  it('writes UTC as Z whichever way APIM spells it', () => {
    // Assess
    assert.equal(toRfc3339Seconds('2025-03-01T10:15:30Z'), '2025-03-01T10:15:30Z');
    assert.equal(toRfc3339Seconds('2025-03-01T10:15:30+00:00'), '2025-03-01T10:15:30Z');
    assert.equal(toRfc3339Seconds('2025-03-01T10:15:30.5-00:00'), '2025-03-01T10:15:30Z');
  });

  it('accepts 29 February of a leap year and a year below 100', () => {
    // Assess
    assert.equal(toRfc3339Seconds('2024-02-29T00:00:00Z'), '2024-02-29T00:00:00Z');
    assert.equal(toRfc3339Seconds('0050-06-15T12:00:00Z'), '0050-06-15T12:00:00Z');
  });

  it('refuses what Go refuses: impossible dates and times, missing seconds, lower-case separators', () => {
    // Prepare
    const refused = [
      '2025-02-29T00:00:00Z',
      '2025-04-31T00:00:00Z',
      '2025-03-01T24:00:00Z',
      '2025-03-01T10:60:00Z',
      '2025-03-01T10:15:60Z',
      '2025-03-01T10:15Z',
      '2025-03-01t10:15:30z',
      '2025-03-01T10:15:30+24:00',
      '2025-03-01 10:15:30Z',
      '1740824130',
    ];

    // Assess
    for (const value of refused) assert.equal(toRfc3339Seconds(value), undefined, value);
  });
});
