import { describe, expect, it } from 'vitest';
import { identitiesToAsk, SANDBOX_MAX_24_HOUR_SEND, sesRows } from '#core/check/ses-rows.js';

const SENDER = 'reports@corp.example';

describe('sesRows', () => {
  it('asks about each address and its domain once', () => {
    expect(identitiesToAsk(SENDER, ['a@corp.example', 'b@Other.example'])).toEqual([
      SENDER,
      'a@corp.example',
      'b@Other.example',
      'corp.example',
      'other.example',
    ]);
  });

  it('reads the sandbox from the quota, and then each unverified recipient is a problem', () => {
    const rows = sesRows(SENDER, ['a@corp.example', 'b@other.example'], {
      verification: { 'corp.example': 'Success', 'b@other.example': 'Pending' },
      max24HourSend: SANDBOX_MAX_24_HOUR_SEND,
    });
    expect(rows.map((r) => [r.item, r.status, r.found])).toEqual([
      ['SES sender identity', 'ok', `${SENDER}: verified through its domain corp.example`],
      [
        'SES sandbox',
        'problem',
        'in the sandbox (at most 200 messages a day): only verified recipients get mail',
      ],
      ['SES recipient a@corp.example', 'ok', 'verified through its domain corp.example'],
      ['SES recipient b@other.example', 'problem', 'verification Pending: the sandbox refuses it'],
    ]);
  });

  it('lets any recipient through with production access, but still needs a verified sender', () => {
    const rows = sesRows(SENDER, ['x@anywhere.example'], { verification: {}, max24HourSend: 50_000 });
    expect(rows.map((r) => [r.item, r.status])).toEqual([
      ['SES sender identity', 'problem'],
      ['SES sandbox', 'ok'],
      ['SES recipient x@anywhere.example', 'ok'],
    ]);
    expect(rows[0]?.todo).toContain(`verify-email-identity --email-address ${SENDER}`);
  });
});
