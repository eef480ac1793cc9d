import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from '#aws/content-disposition.js';

describe('attachmentDisposition', () => {
  it('quotes a plain ASCII name as it is', () => {
    expect(attachmentDisposition('devin-acu-chargeback-2026-10.xlsx')).toBe(
      'attachment; filename="devin-acu-chargeback-2026-10.xlsx"',
    );
  });

  it('adds the exact UTF-8 name beside an ASCII stand-in', () => {
    expect(attachmentDisposition('Abrechnung März.xlsx')).toBe(
      `attachment; filename="Abrechnung M_rz.xlsx"; filename*=UTF-8''Abrechnung%20M%C3%A4rz.xlsx`,
    );
  });

  it('escapes the characters RFC 5987 forbids that encodeURIComponent keeps', () => {
    expect(attachmentDisposition("it's (final)*.xlsx ✓")).toBe(
      `attachment; filename="it's (final)*.xlsx _"; filename*=UTF-8''it%27s%20%28final%29%2A.xlsx%20%E2%9C%93`,
    );
  });

  it('never lets a quote, backslash or line break escape the quoted name', () => {
    const header = attachmentDisposition('a"b\\c\r\nSet-Cookie: x.xlsx');

    expect(header).toMatch(/^attachment; filename="a_b_c__Set-Cookie: x\.xlsx"; filename\*=UTF-8''/);
    expect(header).not.toMatch(/[\r\n]/);
  });

  it('keeps path separators out of the saved name', () => {
    expect(attachmentDisposition('../../etc/passwd')).toBe('attachment; filename=".._.._etc_passwd"');
  });

  it('refuses an empty name', () => {
    expect(() => attachmentDisposition('  ')).toThrow(RangeError);
  });
});
