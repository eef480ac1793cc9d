import { describe, expect, it } from 'vitest';
import { parseWireTimestamp } from '#devin/client/wire-timestamp.js';

describe('parseWireTimestamp', () => {
  it.each([
    ['2024-01-15T10:30:00Z', '2024-01-15T10:30:00.000Z'],
    ['2024-01-15T10:30:00.5Z', '2024-01-15T10:30:00.500Z'],
    ['2024-01-15T10:30:00.999999Z', '2024-01-15T10:30:00.999Z'],
    ['2024-01-15T10:30:00-08:00', '2024-01-15T18:30:00.000Z'],
    // FastAPI serializes naive datetimes without an offset; the vendor's clock is UTC.
    ['2024-01-15T10:30:00', '2024-01-15T10:30:00.000Z'],
    ['2024-01-15T10:30:00.123456', '2024-01-15T10:30:00.123Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseWireTimestamp(text)?.toISOString()).toBe(iso);
  });

  it.each([
    '',
    '2024-01-15',
    '2024-01-15 10:30:00Z',
    'yesterday',
    '2024-13-45T99:00:00Z',
    '2024-02-30T00:00:00Z',
    '2024-02-29T24:00:00Z',
    '2024-01-15T10:30:00+99:00',
    '1705314600',
  ])('refuses %j', (text) => {
    expect(parseWireTimestamp(text)).toBeNull();
  });
});
