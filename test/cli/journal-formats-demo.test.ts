// `npm start -- --journal-format …`: the demo's own erp-mapping.csv covers every entity, cost
// centre and account of the demo map, so the demo's November writes all five formats.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReportCli } from '#cli/run-report-cli.js';
import { JOURNAL_FORMATS } from '#journal-formats/journal-format.js';
import { expectDocumentedRules } from '../journal-formats/documented-rules.js';
import { readCsv } from '../journal-formats/read-format-file.js';

describe('the demo with journal formats', () => {
  it('writes every format for both demo entities from the sample erp-mapping.csv', async () => {
    const out = await mkdtemp(join(tmpdir(), 'journal-formats-demo-'));
    try {
      let stdout = '';
      let stderr = '';
      const code = await runReportCli(
        'demo',
        [
          '--out',
          out,
          '--month',
          '2026-11',
          '--json',
          ...JOURNAL_FORMATS.flatMap((f) => ['--journal-format', f]),
        ],
        {
          env: {},
          now: () => new Date('2026-12-07T09:00:00Z'),
          stdout: { write: (t: string) => (stdout += t) },
          stderr: { write: (t: string) => (stderr += t) },
        },
      );
      expect(code, stderr).toBe(0);
      const files = (
        JSON.parse(stdout) as {
          files: { journalFormats: { format: string; entity: string | null; path: string }[] };
        }
      ).files.journalFormats;
      expect(files.map((f) => `${f.format}:${f.entity}`)).toEqual([
        'netsuite:UK01',
        'netsuite:US01',
        'netsuite-intercompany:null',
        'sap-s4:UK01',
        'sap-s4:US01',
        'oracle-fbdi:null',
        'xero:UK01',
        'xero:US01',
        'quickbooks-online:UK01',
        'quickbooks-online:US01',
      ]);
      // Each is named after the generic journal beside it.
      const journal = (JSON.parse(stdout) as { files: { journal: string } }).files.journal;
      for (const f of files) expect(f.path.startsWith(journal.replace(/\.csv$/, '.'))).toBe(true);
      // Each format's files read back by its system's documented rules, each carrying every line.
      const generic = readCsv(await readFile(journal)).rows.length - 1;
      for (const format of JOURNAL_FORMATS) {
        const read = await Promise.all(
          files
            .filter((f) => f.format === format)
            .map(async (f) => ({ entity: f.entity, body: await readFile(f.path) })),
        );
        expect(expectDocumentedRules(format, read), format).toBe(generic);
      }
      const xeroUk = files.find((f) => f.format === 'xero' && f.entity === 'UK01')?.path ?? '';
      expect(
        readCsv(await readFile(xeroUk))
          .rows.slice(1)
          .every((r) => r[4] === 'No VAT'),
      ).toBe(true);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 180_000);
});
