import { describe, expect, it } from 'vitest';
import { resolvePeriod } from '#core/period/resolve-period.js';
import { invalidInput } from '../invalid-input.js';

const NOW = new Date('2030-06-15T12:00:00Z');

describe('resolvePeriod', () => {
  const options = { timeZone: 'UTC', now: NOW };

  it('defaults to the previous month of now', () => {
    expect(resolvePeriod({}, options).slug).toBe('2030-05');
  });

  it('resolves a month', () => {
    expect(resolvePeriod({ month: '2026-10' }, options).label).toBe('October 2026');
  });

  it('resolves a day range', () => {
    expect(resolvePeriod({ from: '2026-10-01', to: '2026-10-15' }, options).slug).toBe(
      '2026-10-01_2026-10-15',
    );
  });

  it('treats fields set to undefined as absent', () => {
    expect(resolvePeriod({ month: undefined, from: undefined, to: undefined }, options).slug).toBe('2030-05');
  });

  it('rejects a month together with dates', () => {
    const error = invalidInput(() => resolvePeriod({ month: '2026-10', from: '2026-10-01' }, options));
    expect(error.field).toBe('month');
    expect(error.message).toBe(
      'month: "2026-10" cannot be combined with from/to (give a month or a day range)',
    );
  });

  it('requires to with from, and from with to', () => {
    const noTo = invalidInput(() => resolvePeriod({ from: '2026-10-01' }, options));
    expect(noTo.field).toBe('to');
    expect(noTo.message).toBe('to: is required together with from "2026-10-01"');
    const noFrom = invalidInput(() => resolvePeriod({ to: '2026-10-15' }, options));
    expect(noFrom.field).toBe('from');
  });

  it('resolves a month by billing days when asked', () => {
    const period = resolvePeriod({ month: '2026-10', alignment: 'billing-day' }, options);
    expect(period.slug).toBe('2026-10_billing-day');
    expect(resolvePeriod({ month: '2026-10', alignment: 'calendar' }, options).slug).toBe('2026-10');
  });

  it('defaults to the previous billing-day month', () => {
    expect(resolvePeriod({ alignment: 'billing-day' }, options).slug).toBe('2030-05_billing-day');
  });

  it('rejects billing-day alignment for a day range', () => {
    const error = invalidInput(() =>
      resolvePeriod({ from: '2026-10-01', to: '2026-10-15', alignment: 'billing-day' }, options),
    );
    expect(error.field).toBe('alignment');
    expect(error.message).toBe(
      'alignment: "billing-day" applies to whole months only: give a month or nothing, or drop it for a day range',
    );
    expect(
      invalidInput(() => resolvePeriod({ from: '2026-10-01', alignment: 'billing-day' }, options)).field,
    ).toBe('alignment');
  });

  it('rejects an unknown zone even for the default period', () => {
    expect(invalidInput(() => resolvePeriod({}, { timeZone: 'Europe/Atlantis', now: NOW })).field).toBe(
      'timeZone',
    );
  });
});
