import { describe, expect, it } from 'vitest';
import { utf8 } from '#journal-formats/format-input.js';
import { JOURNAL_FORMATS } from '#journal-formats/journal-format.js';
import { journalFormatFiles } from '#journal-formats/journal-format-files.js';
import { expectDocumentedRules } from './documented-rules.js';
import { CENTRES, inputOf, journalOf } from './journal-fixture.js';

const journal = journalOf(CENTRES);

describe("each system's documented rules, as the demo test reads them", () => {
  it('hold for every format of the fixture journal, every line read back', async () => {
    for (const format of JOURNAL_FORMATS) {
      const files = await journalFormatFiles([format], inputOf(journal));
      expect(expectDocumentedRules(format, files), format).toBe(journal.lines.length);
    }
  });

  it('catch a file that drifts from its page: a Xero date in US order, a second NetSuite External ID', async () => {
    const [xero] = await journalFormatFiles(['xero'], inputOf(journal));
    const text = new TextDecoder().decode(xero?.body);
    expect(() =>
      expectDocumentedRules('xero', [
        { entity: 'UK01', body: utf8(text.replaceAll('30/11/2026', '11/30/2026')) },
      ]),
    ).toThrow(/xero UK01/);
    const [netsuite] = await journalFormatFiles(['netsuite'], inputOf(journal));
    const lines = new TextDecoder().decode(netsuite?.body).split('\r\n');
    lines[2] = (lines[2] ?? '').replace('-UK01', '-UK02');
    expect(() =>
      expectDocumentedRules('netsuite', [{ entity: 'UK01', body: utf8(lines.join('\r\n')) }]),
    ).toThrow(/netsuite UK01/);
  });
});
