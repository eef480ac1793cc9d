import { describe, expect, it } from 'vitest';
import { closeOverdue } from '#close/close-overdue.js';

const november = new Date('2026-12-01T00:00:00Z');

describe('whether a close is overdue', () => {
  it('counts from when the period could close (12:00 UTC on the 1st with a 4-hour margin) plus the heartbeat hours', () => {
    expect(closeOverdue({ to: november, closed: false }, new Date('2026-12-02T11:59:59Z'), 4, 24)).toBe(
      false,
    );
    expect(closeOverdue({ to: november, closed: false }, new Date('2026-12-02T12:00:00Z'), 4, 24)).toBe(true);
    expect(closeOverdue({ to: november, closed: false }, new Date('2026-12-01T20:00:00Z'), 4, 6)).toBe(true);
  });

  it('is never overdue once closed', () => {
    expect(closeOverdue({ to: november, closed: true }, new Date('2027-06-01T00:00:00Z'), 4, 24)).toBe(false);
  });
});
