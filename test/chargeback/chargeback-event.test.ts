import { describe, expect, it } from 'vitest';
import { parseChargebackEvent, parseReportEvent } from '#chargeback/chargeback-event.js';
import { InvalidInputError } from '#core/errors.js';

function rejection(event: unknown): InvalidInputError {
  try {
    parseChargebackEvent(event);
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(event)}`);
}

describe('parseChargebackEvent', () => {
  it('reads the stack schedule event as the monthly run at its scheduled time', () => {
    expect(
      parseChargebackEvent({
        source: 'devin-chargeback.schedule',
        kind: 'monthly',
        scheduledTime: '2026-11-01T06:00:00Z',
      }),
    ).toEqual({ kind: 'scheduled', scheduledTime: new Date('2026-11-01T06:00:00Z') });
  });

  it('reads an EventBridge rule "Scheduled Event" by its time', () => {
    const run = parseChargebackEvent({
      version: '0',
      id: 'x',
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      time: '2026-11-01T06:00:00Z',
      detail: {},
    });
    expect(run).toEqual({ kind: 'scheduled', scheduledTime: new Date('2026-11-01T06:00:00Z') });
  });

  it('reads a manual month with defaults', () => {
    expect(parseChargebackEvent({ month: '2026-09' })).toEqual({
      kind: 'manual',
      period: { alignment: 'calendar', month: '2026-09', from: undefined, to: undefined },
      email: true,
      orgIds: [],
      userIds: [],
      tags: [],
      force: false,
      close: false,
    });
  });

  it('reads a close, and refuses one of a slice', () => {
    expect(parseChargebackEvent({ month: '2026-09', close: true })).toMatchObject({
      kind: 'manual',
      close: true,
    });
    expect(() => parseChargebackEvent({ month: '2026-09', close: true, tags: ['x'] })).toThrow(
      /^tags: \["x"\] cannot be combined with "close": true/,
    );
  });

  it('reads a manual range with every option', () => {
    expect(
      parseChargebackEvent({
        from: '2026-09-01',
        to: '2026-09-15',
        recipients: ['a@example.com'],
        email: false,
        orgIds: ['org_1'],
        userIds: ['user_1'],
        tags: ['bug-fix'],
        force: true,
      }),
    ).toEqual({
      kind: 'manual',
      period: { alignment: 'calendar', month: undefined, from: '2026-09-01', to: '2026-09-15' },
      recipients: ['a@example.com'],
      email: false,
      orgIds: ['org_1'],
      userIds: ['user_1'],
      tags: ['bug-fix'],
      force: true,
      close: false,
    });
  });

  it('reads a billing-day month and a cost basis', () => {
    expect(
      parseChargebackEvent({ month: '2026-09', alignment: 'billing-day', costBasis: 'billed' }),
    ).toMatchObject({
      period: { alignment: 'billing-day', month: '2026-09' },
      costBasis: 'billed',
    });
  });

  it('reads a billing cycle by its start day, or the latest one', () => {
    expect(parseChargebackEvent({ cycle: '2026-10-05' })).toMatchObject({
      period: { alignment: 'billing-cycle', cycle: '2026-10-05' },
    });
    expect(parseChargebackEvent({ alignment: 'billing-cycle', email: false })).toMatchObject({
      period: { alignment: 'billing-cycle' },
      email: false,
    });
  });

  it.each([
    [
      'an unknown alignment',
      { month: '2026-09', alignment: 'fiscal' },
      'alignment',
      /alignment: "fiscal" is invalid/,
    ],
    [
      'an unknown cost basis',
      { month: '2026-09', costBasis: 'seats' },
      'costBasis',
      /costBasis: "seats" is invalid/,
    ],
    ['a cycle that is not a day', { cycle: '2026-10' }, 'cycle', /cycle: "2026-10" is invalid/],
    ['a cycle with a month', { cycle: '2026-10-05', month: '2026-10' }, 'month', /cannot be combined/],
    [
      'a cycle with another alignment',
      { cycle: '2026-10-05', alignment: 'billing-day' },
      'alignment',
      /cannot be combined with cycle/,
    ],
  ])('refuses %s, naming the field', (_, event, field, message) => {
    const error = rejection(event);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it.each([
    ['not an object', 'hello', 'event', /"hello" is not a JSON object/],
    ['an array', [1], 'event', /is not a JSON object/],
    ['null', null, 'event', /is not a JSON object/],
    ['an empty object', {}, 'month', /month: is required/],
    ['an unknown key', { month: '2026-09', mnth: 'x' }, 'mnth', /mnth: "x" is not a known field/],
    ['a month that is not a string', { month: 202609 }, 'month', /month: 202609 is invalid/],
    ['email that is not a boolean', { month: '2026-09', email: 'no' }, 'email', /email: "no" is invalid/],
    ['force that is not a boolean', { month: '2026-09', force: 1 }, 'force', /force: 1 is invalid/],
    [
      'a bad recipient',
      { month: '2026-09', recipients: ['finance'] },
      'recipients.0',
      /recipients\.0: "finance" is invalid/,
    ],
    [
      'an empty recipient list',
      { month: '2026-09', recipients: [] },
      'recipients',
      /recipients: \[\] is invalid/,
    ],
    [
      'more than 50 recipients',
      { month: '2026-09', recipients: Array.from({ length: 51 }, (_, i) => `r${i}@example.com`) },
      'recipients',
      /recipients: .* is invalid/,
    ],
    [
      'orgIds that is not a list',
      { month: '2026-09', orgIds: 'org_1' },
      'orgIds',
      /orgIds: "org_1" is invalid/,
    ],
    ['an empty user id', { month: '2026-09', userIds: [''] }, 'userIds.0', /userIds\.0: "" is invalid/],
    ['tags with a number', { month: '2026-09', tags: [7] }, 'tags.0', /tags\.0: 7 is invalid/],
    [
      'a schedule event without its time',
      { source: 'devin-chargeback.schedule', kind: 'monthly' },
      'scheduledTime',
      /scheduledTime: is invalid|scheduledTime/,
    ],
    [
      'a schedule event with a bad time',
      { source: 'devin-chargeback.schedule', kind: 'monthly', scheduledTime: 'yesterday' },
      'scheduledTime',
      /scheduledTime: "yesterday" is invalid/,
    ],
  ])('refuses %s, naming the field', (_, event, field, message) => {
    const error = rejection(event);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });
});

describe('parseReportEvent', () => {
  it('reads {"check":true} as the deployment check, and anything else as a run', () => {
    expect(parseReportEvent({ check: true })).toEqual({ kind: 'check' });
    expect(parseReportEvent({ month: '2026-10' })).toMatchObject({ kind: 'manual' });
  });

  it('names check among the known fields when a field is misspelt', () => {
    expect(() => parseReportEvent({ chek: true })).toThrow(
      /chek: true is not a known field \(known: .*, check\)/,
    );
  });
});
