// `npm run report -- --close --journal-format …` in process against the fake Devin API: every ERP
// format is written beside the generic journal, listed in the close record with its SHA-256, and
// carries the generic journal's figures to the cent; a bad mapping refuses the formats, still
// writes the generic journal, and leaves the period open.

import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_COST_CENTRES_FILE, DEMO_ERP_MAPPING_FILE } from '#cli/demo-cost-centres.js';
import { parseCloseRecord } from '#close/close-record.js';
import { parseErpMapping } from '#journal-formats/erp-mapping.js';
import { JOURNAL_FORMATS } from '#journal-formats/journal-format.js';
import { GL_INTERFACE_COLUMNS, GL_INTERFACE_FILE } from '#journal-formats/oracle-fbdi.js';
import { centsOf, readCsv, signedOf } from '../journal-formats/read-format-file.js';
import { useReportCli } from '../support/report-cli-harness.js';
import { zipEntries } from '../support/zip-entries.js';

const harness = useReportCli({
  key: 'cog_journal_formats_cli_service_user_2b1f',
  seed: 29,
  sessions: 150,
  now: new Date('2026-12-06T10:00:00Z'),
  folderPrefix: 'journal-formats-cli-',
});
const MAP = ['--cost-centres', DEMO_COST_CENTRES_FILE, '--credit-account', '2100;UK01=2150'];
const ALL = JOURNAL_FORMATS.flatMap((f) => ['--journal-format', f]);

interface JsonRun {
  readonly closed: boolean;
  readonly files: {
    readonly journal: string;
    readonly close: string;
    readonly emailHtml: string;
    readonly erpMapping: string;
    readonly journalFormats: readonly { format: string; entity: string | null; path: string }[];
  };
}

/** The generic journal's debits by legal entity and by cost centre, in cents. */
function genericDebits(csv: Buffer) {
  const [header, ...rows] = readCsv(csv).rows;
  const at = (name: string) => header?.indexOf(name) ?? -1;
  const byEntity = new Map<string, bigint>();
  const byCentre = new Map<string, bigint>();
  for (const r of rows) {
    const debit = r[at('debit')] === '' ? 0n : centsOf(r[at('debit')] ?? '');
    const entity = r[at('legal_entity')] ?? '';
    byEntity.set(entity, (byEntity.get(entity) ?? 0n) + debit);
    const centre = r[at('cost_centre')] ?? '';
    byCentre.set(centre, (byCentre.get(centre) ?? 0n) + debit);
  }
  return { byEntity, byCentre, lines: rows.length };
}

/** Signed amounts of one format file, by the columns its system reads. */
async function signedLines(
  format: string,
  path: string,
): Promise<{ ledger: string; centre: string; signed: bigint }[]> {
  const body = await readFile(path);
  if (format === 'oracle-fbdi') {
    const at = (name: (typeof GL_INTERFACE_COLUMNS)[number]) => GL_INTERFACE_COLUMNS.indexOf(name);
    return readCsv(zipEntries(body).get(GL_INTERFACE_FILE) ?? Buffer.alloc(0)).rows.map((r) => ({
      ledger: r[at('LEDGER_ID')] ?? '',
      centre: `CC-${r[at('SEGMENT2')]}`,
      signed: signedOf(r[at('ENTERED_DR')] ?? '', r[at('ENTERED_CR')] ?? ''),
    }));
  }
  const rows = readCsv(body).rows.slice(1);
  return rows.map((r) => {
    if (format === 'netsuite')
      return { ledger: r[1] ?? '', centre: r[9] ?? '', signed: signedOf(r[6] ?? '', r[7] ?? '') };
    // One entry over every subsidiary: the line's own Subsidiary is what balances.
    if (format === 'netsuite-intercompany')
      return { ledger: r[5] ?? '', centre: r[10] ?? '', signed: signedOf(r[7] ?? '', r[8] ?? '') };
    if (format === 'sap-s4')
      return {
        ledger: r[1] ?? '',
        centre: (r[9] ?? '').replace(/^CC/, 'CC-'),
        signed: signedOf(r[10] ?? '', r[11] ?? ''),
      };
    if (format === 'xero') return { ledger: r[0] ?? '', centre: r[7] ?? '', signed: centsOf(r[5] ?? '') };
    return { ledger: r[0] ?? '', centre: r[8] ?? '', signed: signedOf(r[3] ?? '', r[4] ?? '') };
  });
}

describe('journal formats from the command line', () => {
  it("closes November with every format: each file (each subsidiary of the intercompany entry) balances, carries the generic journal's debits, and is in the close record with its hash", async () => {
    const run = await harness.cli(
      '--month',
      '2026-11',
      '--close',
      '--json',
      ...MAP,
      '--erp-mapping',
      DEMO_ERP_MAPPING_FILE,
      ...ALL,
    );
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as JsonRun;
    expect(json.closed).toBe(true);
    const out = harness.out();
    const generic = genericDebits(await readFile(json.files.journal));
    // One file per legal entity the journal posts to (names in text order), one zip for Oracle.
    const entities = [...generic.byEntity.keys()].sort();
    expect(entities.length).toBeGreaterThan(0);
    const code = (entity: string) => (entity === 'UK01' ? '2000' : '1000');
    const name = (format: string, entity: string | null) =>
      join(
        out,
        `devin-acu-chargeback-2026-11.journal.${format}${entity === null ? (format === 'oracle-fbdi' ? '.zip' : '.csv') : `.${format === 'sap-s4' ? code(entity) : entity}.csv`}`,
      );
    const oneFile = (format: string) => format === 'oracle-fbdi' || format === 'netsuite-intercompany';
    const expected = JOURNAL_FORMATS.flatMap((format): [string, string | null][] =>
      oneFile(format) ? [[format, null]] : entities.map((e) => [format, e]),
    );
    expect(json.files.journalFormats.map((f) => [f.format, f.entity, f.path])).toEqual(
      expected.map(([format, entity]) => [format, entity, name(format, entity)]),
    );
    expect(json.files.erpMapping).toBe(join(out, 'devin-acu-chargeback-2026-11.erp-mapping.csv'));
    expect(await readFile(json.files.erpMapping, 'utf8')).toBe(await readFile(DEMO_ERP_MAPPING_FILE, 'utf8'));

    // The intercompany entry names each line's subsidiary; the mapping says whose entity it is.
    const entityOfSubsidiary = new Map(
      [...parseErpMapping(await readFile(DEMO_ERP_MAPPING_FILE, 'utf8')).entities].map(
        ([entity, values]) => [values.netsuite_subsidiary ?? '', entity] as const,
      ),
    );
    for (const format of JOURNAL_FORMATS) {
      const files = json.files.journalFormats.filter((f) => f.format === format);
      const lines = (
        await Promise.all(files.map(async (f) => ({ f, lines: await signedLines(format, f.path) })))
      ).flatMap(({ f, lines }) =>
        lines.map((l) => ({
          ...l,
          entity: format === 'netsuite-intercompany' ? (entityOfSubsidiary.get(l.ledger) ?? null) : f.entity,
        })),
      );
      expect(lines.length, format).toBe(generic.lines);
      // Each file (each ledger in Oracle's zip) is one balanced entry.
      const byFile = new Map<string, bigint>();
      for (const l of lines)
        byFile.set(`${l.entity}|${l.ledger}`, (byFile.get(`${l.entity}|${l.ledger}`) ?? 0n) + l.signed);
      for (const [file, sum] of byFile) expect(sum, `${format} ${file}`).toBe(0n);
      const debits = (pick: (l: (typeof lines)[number]) => string) => {
        const sums = new Map<string, bigint>();
        for (const l of lines) if (l.signed > 0n) sums.set(pick(l), (sums.get(pick(l)) ?? 0n) + l.signed);
        return sums;
      };
      if (format !== 'oracle-fbdi')
        expect(
          debits((l) => l.entity ?? ''),
          format,
        ).toEqual(generic.byEntity);
      if (format === 'sap-s4' || format === 'oracle-fbdi')
        expect(
          debits((l) => l.centre),
          format,
        ).toEqual(generic.byCentre);
    }

    const record = parseCloseRecord(JSON.parse(await readFile(json.files.close, 'utf8')), 'close');
    const listed = Object.entries(record.artifacts).filter(([role]) => role.startsWith('journal:'));
    expect(listed.map(([role]) => role)).toEqual(
      expected.map(([format, entity]) =>
        entity === null ? `journal:${format}` : `journal:${format}:${entity}`,
      ),
    );
    for (const artifact of Object.values(record.artifacts)) {
      const sha = createHash('sha256')
        .update(await readFile(join(out, artifact.key)))
        .digest('hex');
      expect(sha, artifact.key).toBe(artifact.sha256);
    }
    expect(record.artifacts.erpMapping?.key).toBe('devin-acu-chargeback-2026-11.erp-mapping.csv');
    // The email names every file, as finance will take it to the ERP.
    const email = await readFile(json.files.emailHtml, 'utf8');
    expect(email).toContain(
      `The journal for each ERP (${expected.length} files) is stored beside it, in the same folder:`,
    );
    // By name: the folder is the workbook's, said just above.
    for (const f of json.files.journalFormats) expect(email).toContain(`>${basename(f.path)}<`);
  }, 120_000);

  it('refuses an unknown format as a usage error, naming it and the allowed ones', async () => {
    const run = await harness.cli('--month', '2026-10', ...MAP, '--journal-format', 'sap');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '--journal-format: "sap" is not a journal format; use one of generic, netsuite, netsuite-intercompany, sap-s4, oracle-fbdi, xero, quickbooks-online',
    );
  });

  it('refuses a missing code by format, column and cost centre, still writes the generic journal, and does not close', async () => {
    const mapping = join(harness.out(), 'bad-erp-mapping.csv');
    const demo = await readFile(DEMO_ERP_MAPPING_FILE, 'utf8');
    // No KOSTL for any cost centre: the first of the journal's is named.
    await writeFile(mapping, demo.replace(/,CC\d{3},/g, ',,'));
    const run = await harness.cli(
      '--month',
      '2026-10',
      '--close',
      ...MAP,
      '--erp-mapping',
      mapping,
      '--journal-format',
      'sap-s4',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /build journal formats failed: journal format sap-s4: erp-mapping\.csv column sap_cost_center for cost centre CC-\d{3} is missing/,
    );
    const names = await readdir(harness.out());
    expect(names).toContain('devin-acu-chargeback-2026-10.journal.csv');
    expect(
      names.filter((n) => n.startsWith('devin-acu-chargeback-2026-10.') && n.includes('.sap-s4.')),
    ).toEqual([]);
    expect(names).not.toContain('devin-acu-chargeback-2026-10.close.json');
  }, 120_000);
});
