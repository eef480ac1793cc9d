import { describe, expect, it } from 'vitest';
import { parseIsoInstant, toWireInstant } from '#devin/fake/iso-instant.js';

describe('parseIsoInstant', () => {
  it.each([
    ['2025-02-01T00:00:00Z', Date.UTC(2025, 1, 1)],
    ['2025-02-01T00:00:00.123Z', Date.UTC(2025, 1, 1, 0, 0, 0, 123)],
    ['2025-02-01T00:00:00.123456Z', Date.UTC(2025, 1, 1, 0, 0, 0, 123)],
    ['2025-02-01T01:30:00+01:30', Date.UTC(2025, 1, 1)],
    ['2025-01-31T19:00:00-0500', Date.UTC(2025, 1, 1)],
    ['2025-02-01T00:00:00', Date.UTC(2025, 1, 1)],
    ['2025-02-01 00:00', Date.UTC(2025, 1, 1)],
    ['2025-02-01', Date.UTC(2025, 1, 1)],
    ['2024-02-29T23:59:59Z', Date.UTC(2024, 1, 29, 23, 59, 59)],
  ])('reads %s', (text, expected) => {
    expect(parseIsoInstant(text)).toBe(expected);
  });

  it.each([
    '',
    'yesterday',
    '2025-02-30',
    '2025-02-29T00:00:00Z',
    '2025-13-01',
    '2025-02-01T24:00:00Z',
    '1738368000',
  ])('refuses %j', (text) => {
    expect(parseIsoInstant(text)).toBeNull();
  });
});

describe('toWireInstant', () => {
  it('writes whole seconds like the vendor and keeps milliseconds when there are some', () => {
    expect(toWireInstant(Date.UTC(2025, 1, 1))).toBe('2025-02-01T00:00:00Z');
    expect(toWireInstant(Date.UTC(2025, 1, 1, 0, 0, 0, 5))).toBe('2025-02-01T00:00:00.005Z');
  });
});
