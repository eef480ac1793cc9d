import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { GLOSSARY, label, RETIRED_LABELS, RETIRED_WHOLE_LABELS } from '#core/glossary/glossary.js';
import { summaryDocumentSchema } from '#core/report/summary-document-schema.js';
import { landingView } from '#links/landing-view.js';
import { landingPage } from '#links/pages/landing-page.js';
import { runDemoMonths } from '../focus/demo-months.js';

const BASE = 'devin-acu-chargeback-2026-11';

/** A table of the plain-text email: its data rows (between the header rules and the total rule). */
function textRows(text: string, heading: string): string[][] {
  const start = text.indexOf(`${heading}\n${'-'.repeat(heading.length)}\n`);
  if (start < 0) throw new Error(`no "${heading}" table`);
  const lines = text.slice(start).split('\n').slice(2);
  const end = lines.findIndex((line) => line.trim() === '');
  return lines
    .slice(0, end < 0 ? undefined : end)
    .filter((line) => !/^-+$/.test(line))
    .map((line) => line.split(/\s{2,}/));
}

/** The journal CSV's rows as header → text (quoted fields may hold commas). */
function csvRecords(text: string): Record<string, string>[] {
  const parse = (line: string) =>
    [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].map((m) =>
      (m[1] ?? '').replace(/^"|"$/g, '').replaceAll('""', '"'),
    );
  const [header, ...lines] = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line !== '');
  const names = parse(header ?? '');
  return lines.map((line) => {
    const cells = parse(line);
    return Object.fromEntries(names.map((name, i) => [name, cells[i] ?? '']));
  });
}

const cents = (text: string) => Math.round(Number(text.replaceAll(',', '').replace(/^USD /, '')) * 100);

/** Each row of a table sheet as header → value. */
function sheetRows(workbook: ExcelJS.Workbook, name: string): Record<string, unknown>[] {
  const ws = workbook.getWorksheet(name);
  if (ws === undefined) throw new Error(`no ${name}`);
  const headers = Array.from(ws.getRow(2).values as unknown[], (v) => String(v));
  const rows: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n <= 2) return;
    const values = Array.from(row.values as unknown[]);
    if (values.every((v) => v === null || v === undefined)) return;
    rows.push(Object.fromEntries(headers.map((h, i) => [h, values[i]])));
  });
  return rows;
}

/** Every text a reader sees on a sheet: cell text (rich text and formula results too), notes, print header and footer. */
function sheetTexts(ws: ExcelJS.Worksheet): string[] {
  const texts: string[] = [];
  const textOf = (value: unknown): string | null => {
    if (typeof value === 'string') return value;
    if (typeof value !== 'object' || value === null) return null;
    if ('richText' in value) return (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    if ('result' in value) return textOf((value as { result: unknown }).result);
    if ('text' in value) return String((value as { text: unknown }).text);
    return null;
  };
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const text = textOf(cell.value);
      if (text !== null) texts.push(text);
      const note = cell.note as unknown;
      if (typeof note === 'string') texts.push(note);
      else if (typeof note === 'object' && note !== null && 'texts' in note) {
        texts.push((note as { texts: { text: string }[] }).texts.map((t) => t.text).join(''));
      }
    });
  });
  const { oddHeader, oddFooter, evenHeader, evenFooter, firstHeader, firstFooter } = ws.headerFooter ?? {};
  for (const text of [oddHeader, oddFooter, evenHeader, evenFooter, firstHeader, firstFooter]) {
    if (typeof text === 'string') texts.push(text);
  }
  return texts;
}

/** Column A's text and the row's cells, for reading a section of the Reconciliation sheet. */
function rowsOf(ws: ExcelJS.Worksheet): { a: string; cells: unknown[] }[] {
  const rows: { a: string; cells: unknown[] }[] = [];
  ws.eachRow((row) => {
    const cells = Array.from(row.values as unknown[]).slice(1);
    rows.push({ a: typeof cells[0] === 'string' ? cells[0] : '', cells });
  });
  return rows;
}

const hundredths = (value: unknown) => Math.round(Number(resultOf(value)) * 100);

const resultOf = (value: unknown) =>
  typeof value === 'object' && value !== null && 'result' in value
    ? (value as { result: unknown }).result
    : value;

describe('one story across the workbook, the finance email and the owners’ mail (demo, November 2026)', () => {
  let workbook: ExcelJS.Workbook;
  let email: string;
  let ownerMail: string;
  let linkPage: string;
  let owners: { file: string; text: string; subject: string }[];
  let journalRows: Record<string, string>[];

  beforeAll(async () => {
    const out = await runDemoMonths(['2026-11']);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, `${BASE}.xlsx`));
    const eml = await readFile(join(out, `${BASE}.eml`), 'utf8');
    email = (await simpleParser(eml)).text ?? '';
    const owner = await readFile(join(out, `${BASE}.showback`, 'maria.lopez@northwind.example.eml'), 'utf8');
    ownerMail = (await simpleParser(owner)).text ?? '';
    const showback = join(out, `${BASE}.showback`);
    owners = [];
    for (const file of (await readdir(showback)).filter((name) => name.endsWith('.eml')).sort()) {
      const parsed = await simpleParser(await readFile(join(showback, file), 'utf8'));
      owners.push({ file, text: parsed.text ?? '', subject: parsed.subject ?? '' });
    }
    journalRows = csvRecords(await readFile(join(out, `${BASE}.journal.csv`), 'utf8'));
    // The landing page finance opens from the email's durable link, built from the run's summary.json.
    const summary = summaryDocumentSchema.parse(
      JSON.parse(await readFile(join(out, `${BASE}.summary.json`), 'utf8')),
    );
    linkPage = landingPage(
      landingView({
        file: { key: `${BASE}.xlsx`, fileName: `${BASE}.xlsx`, sizeBytes: 100_000, metadata: {} },
        summary,
        expiresAt: new Date('2027-01-01T00:00:00Z'),
        now: new Date('2026-12-02T00:00:00Z'),
        downloadHref: 'download',
      }),
    );
  }, 300_000);

  it('gives every cost centre the same cost in the email as on By Cost Centre', () => {
    const sheet = new Map(
      sheetRows(workbook, 'By Cost Centre').map((row) => [String(row['Cost Centre']), resultOf(row.Usage)]),
    );
    const rows = textRows(email, 'By cost centre');
    expect(rows.length).toBeGreaterThan(3);
    for (const [code, cost] of rows
      .slice(1)
      .map((cells): [string, string] => [cells[0] ?? '', cells[1] ?? ''])) {
      expect(Math.round(Number(sheet.get(code)) * 100), code).toBe(cents(cost));
    }
  });

  it('gives every org the same cost in the email as on By Org, and the same sessions in the Unmapped sentence', () => {
    const byOrg = sheetRows(workbook, 'By Org');
    const costOf = new Map<string, number>();
    const sessionsOf = new Map<string, number>();
    for (const row of byOrg) {
      const name = String(row['Org Name']);
      costOf.set(name, (costOf.get(name) ?? 0) + Math.round(Number(resultOf(row.Cost)) * 100));
      sessionsOf.set(name, (sessionsOf.get(name) ?? 0) + Number(resultOf(row.Sessions)));
    }
    const rows = textRows(email, 'By org')
      .slice(1)
      .filter((cells) => cells[0] !== 'Total');
    for (const [name, cost] of rows.map((cells): [string, string] => [cells[0] ?? '', cells[1] ?? ''])) {
      expect(costOf.get(name), name).toBe(cents(cost));
    }
    // The demo's map has a catch-all row (org_id "*"): no org is Unmapped, in the email or on By Cost Centre.
    // test/email/unmapped-split-email.test.ts checks the Unmapped sentence's split in words.
    expect(email).not.toMatch(/^(NOTE: )?Unmapped:/m);
    expect(sheetRows(workbook, 'By Cost Centre').map((row) => row['Cost Centre'])).not.toContain('Unmapped');
  });

  it('says the same total cost in the email, on Summary and in an owner’s mail for their cost centre', () => {
    const total = /^Cost\s+(USD [\d,]+\.\d\d)$/m.exec(email)?.[1] ?? '';
    const byCostCentre = sheetRows(workbook, 'By Cost Centre');
    const totalRow = byCostCentre.find((row) => row['Cost Centre'] === 'Total');
    expect(Math.round(Number(resultOf(totalRow?.Usage)) * 100)).toBe(cents(total));
    const cc110 = byCostCentre.find((row) => row['Cost Centre'] === 'CC-110');
    const owner = /^Usage\s+(USD [\d,]+\.\d\d)$/m.exec(ownerMail)?.[1] ?? '';
    expect(Math.round(Number(resultOf(cc110?.Usage)) * 100)).toBe(cents(owner));
  });

  it('gives every owner, in their email, the total the journal debits their cost centres, and names the journal', () => {
    expect(owners.length).toBeGreaterThan(3);
    for (const { file, text, subject } of owners) {
      // The subject names the owner's cost centres: "… — CC-120 Data Platform, CC-190 Security Programme: USD …".
      const codes: string[] = [...(subject.match(/\bCC-\d+\b/g) ?? [])];
      expect(codes.length, file).toBeGreaterThan(0);
      const debits = journalRows
        .filter((row) => codes.includes(row.cost_centre ?? ''))
        .reduce((sum, row) => sum + cents(row.debit || '0'), 0);
      const posted =
        /^Posted\s+usage (USD [\d,.]+) \+ true-ups (USD [\d,.]+) \+ shared products (USD [\d,.]+) = (USD [\d,.]+)$/m.exec(
          text,
        );
      expect(posted, file).not.toBeNull();
      const [usage, trueUps, shared, sum] = (posted ?? []).slice(1).map((m) => cents(m));
      expect((usage ?? 0) + (trueUps ?? 0) + (shared ?? 0), file).toBe(sum);
      expect(sum, `${file}: the email's total is the journal's debits`).toBe(debits);
      expect(cents(/^Posted\s+(USD [\d,]+\.\d\d)$/m.exec(text)?.[1] ?? ''), file).toBe(debits);
      expect(text, file).toMatch(
        new RegExp(`^Journal\\s+${BASE}\\.journal\\.csv \\(journal \\S+\\) debits`, 'm'),
      );
    }
  });

  it('shows one shared-products split, to the cent, on every sheet, in the journal and in the emails', () => {
    const summary = rowsOf(workbook.getWorksheet('Summary') as ExcelJS.Worksheet);
    const reconciliation = rowsOf(workbook.getWorksheet('Reconciliation') as ExcelJS.Worksheet);
    const onSummary = hundredths(summary.find((r) => r.a === label('sharedProducts'))?.cells[1]);
    const onReconciliation = hundredths(
      reconciliation.find((r) => r.a === label('sharedProducts') && typeof r.cells[1] === 'number')?.cells[1],
    );
    const orgLine = hundredths(reconciliation.find((r) => r.cells[1] === label('sharedProducts'))?.cells[7]);
    const byCostCentre = sheetRows(workbook, 'By Cost Centre').find((row) => row['Cost Centre'] === 'Total');
    const onByCostCentre = Math.round(Number(resultOf(byCostCentre?.['Shared products'])) * 100);
    const inJournal = journalRows
      .filter((row) => row.line_type === 'shared-products')
      .reduce((sum, row) => sum + cents(row.debit || '0'), 0);
    const inEmail = cents(/\+ shared products (USD [\d,.]+) =/.exec(email)?.[1] ?? '');
    const inOwnerMails = owners.reduce(
      (sum, { text }) => sum + cents(/\+ shared products (USD [\d,.]+) =/.exec(text)?.[1] ?? ''),
      0,
    );
    expect(onSummary).toBeGreaterThan(0);
    expect({ onReconciliation, orgLine, onByCostCentre, inJournal, inEmail }).toEqual({
      onReconciliation: onSummary,
      orgLine: onSummary,
      onByCostCentre: onSummary,
      inJournal: onSummary,
      inEmail: onSummary,
    });
    // anna.berg owns two cost centres that others own too: the owners' mails overlap, so only their sum is at least the journal's.
    expect(inOwnerMails).toBeGreaterThanOrEqual(inJournal);
  });

  it('walks from the bill to the journal with rows that add as they read, to what Summary says', () => {
    const rows = rowsOf(workbook.getWorksheet('Reconciliation') as ExcelJS.Worksheet);
    const start = rows.findIndex((r) => r.a === 'From the bill to the journal');
    const walk = rows.slice(start + 2, rows.findIndex((r, i) => i > start && r.a.startsWith('= ')) + 1);
    const billed = walk[0];
    const posted = walk.at(-1);
    const steps = walk.slice(1, -1);
    expect(billed?.a).toBe('Billed ACUs');
    expect(steps.length).toBeGreaterThan(1);
    for (const step of steps) {
      const sign = Math.sign(hundredths(step.cells[3]));
      if (sign !== 0) expect(step.a.startsWith(sign < 0 ? '− ' : '+ '), step.a).toBe(true);
    }
    const sum = steps.reduce(
      (total, step) => total + hundredths(step.cells[3]),
      hundredths(billed?.cells[3]),
    );
    expect(sum).toBe(hundredths(posted?.cells[3]));
    const debits = journalRows.reduce((total, row) => total + cents(row.debit || '0'), 0);
    expect(hundredths(posted?.cells[3])).toBe(debits);
    // Summary and Reconciliation state the journal's own shortfall or excess against the bill.
    const gap = hundredths(billed?.cells[3]) - debits;
    const summary = rowsOf(workbook.getWorksheet('Summary') as ExcelJS.Worksheet);
    for (const sheet of [summary, rows]) {
      const short = sheet.find((r) => r.a === 'Not charged back');
      const over = sheet.find((r) => r.a === 'Charged back above the bill');
      expect(hundredths((short ?? over)?.cells[1]) * (short === undefined ? -1 : 1)).toBe(gap);
      expect(hundredths(sheet.find((r) => r.a === 'Charged back')?.cells[1])).toBe(debits);
    }
    const sentence = String(summary.find((r) => r.a === 'Billed')?.cells[1]);
    expect(sentence).not.toMatch(/\(100\.0%\)|\(0\.0%\)/);
  });

  it('says the true-ups as the email does: a line per changed period, one for the periods without a change', () => {
    const notes = sheetTexts(workbook.getWorksheet('By Cost Centre') as ExcelJS.Worksheet);
    const unchanged = /^True-ups\s+No change since their close: (.+)$/m.exec(email)?.[1];
    expect(unchanged).toBe('August 2026, September 2026');
    expect(notes).toContain(`True-ups: no change since their close: ${unchanged}.`);
    expect(notes.filter((text) => /^True-up \w+ \d{4}: 0 sessions/.test(text))).toEqual([]);
    const changed = /^True-up October 2026\s+(\d+) sessions, ([\d.,]+) ACUs, (USD [\d,.]+)$/m.exec(email);
    expect(changed).not.toBeNull();
    expect(notes).toContain(
      `True-up October 2026: ${changed?.[1]} sessions changed by ${changed?.[2]} ACUs (${changed?.[3]} at October 2026's price) after its close; see True-ups.`,
    );
  });

  it('uses no retired label on any sheet (cells, notes, print headers), in either email or on the link page', () => {
    const outputs: [string, string[]][] = [
      ...workbook.worksheets.map((ws): [string, string[]] => [ws.name, sheetTexts(ws)]),
      ['finance email', [email]],
      ['owner’s email', [ownerMail]],
      ['link page', [linkPage]],
    ];
    expect(outputs.length).toBeGreaterThan(10);
    for (const [where, texts] of outputs) {
      for (const text of texts) {
        for (const retired of RETIRED_LABELS) expect(text, `${where}: ${text}`).not.toContain(retired);
        for (const whole of RETIRED_WHOLE_LABELS) expect(text.trim(), where).not.toBe(whole);
      }
      for (const whole of RETIRED_WHOLE_LABELS) {
        // As a label in the emails (a line starting with it) or a figure's term on the link page.
        expect(texts.join('\n'), where).not.toMatch(new RegExp(`^${whole}\\b(?! API)`, 'm'));
        expect(texts.join('\n'), where).not.toContain(`<dt>${whole}</dt>`);
      }
    }
    // The words the glossary gives are the ones shown.
    expect(linkPage).toContain(`<dt>${label('posted')}</dt>`);
    expect(linkPage).toMatch(new RegExp(`<dd>(${label('closed')}|${label('preliminary')})</dd>`));
  });

  it('says the same counts and amounts in the Reconciliation text as in its walk', () => {
    const ws = workbook.getWorksheet('Reconciliation');
    if (ws === undefined) throw new Error('no Reconciliation');
    const rows = rowsOf(ws);
    const row = (prefix: string) => {
      const found = rows.find((r) => r.a.startsWith(prefix));
      if (found === undefined) throw new Error(`no row starting ${prefix}`);
      return found;
    };
    const fact = (name: string) => String(rows.filter((r) => r.a === name).at(-1)?.cells[1] ?? '');
    const walkStep = (prefix: string) => {
      const step = row(prefix);
      return {
        sessions: Number(/\((\d+) sessions?\)$/.exec(step.a)?.[1]),
        acus: Math.abs(hundredths(step.cells[2])),
        cost: Math.abs(hundredths(step.cells[3])),
      };
    };
    const textFigures = (text: string) => {
      const match = /^(\d+) sessions? .* used ([\d,]+\.\d\d) ACUs \(USD ([\d,]+\.\d\d)\)/.exec(text);
      if (match === null) throw new Error(`no figures in ${text}`);
      return { sessions: Number(match[1]), acus: cents(match[2] ?? ''), cost: cents(match[3] ?? '') };
    };
    const carriedIn = walkStep('+ Used in the period by sessions created before it');
    const carriedOut = walkStep('− Used after the period by sessions created in it');
    expect(carriedIn.sessions).toBeGreaterThan(0);
    expect(carriedOut.sessions).toBeGreaterThan(0);
    expect(textFigures(fact(label('carriedIn')))).toEqual(carriedIn);
    expect(textFigures(fact(label('carriedOut')))).toEqual(carriedOut);

    // The shared products: the text names exactly the walk's products, and their ACUs and cost
    // add up to the org table's Shared products line and the fact above.
    const walkProducts = rows
      .filter((r) => r.a.startsWith('+ ') && r.a.endsWith('(shared product: no session)'))
      .map((r) => r.a.slice(2, r.a.indexOf(' (')));
    expect(walkProducts.length).toBeGreaterThan(0);
    const sharedText = fact(label('sharedProducts'));
    expect(sharedText).toContain(`(${walkProducts.join(', ')})`);
    const table = rows.findIndex((r) => r.a === `${label('sharedProducts')}, by product`);
    const products = rows.slice(table + 2, table + 2 + walkProducts.length);
    expect(products.map((r) => r.a)).toEqual(walkProducts);
    const total = rows[table + 2 + walkProducts.length];
    const acusSum = products.reduce((sum, r) => sum + Number(r.cells[2]), 0);
    const costSum = products.reduce((sum, r) => sum + hundredths(r.cells[3]), 0);
    expect(total?.a).toBe('Total');
    expect(costSum).toBe(hundredths(total?.cells[3]));
    const orgLine = rows.find((r) => r.cells[1] === label('sharedProducts'));
    expect(costSum).toBe(hundredths(orgLine?.cells[7]));
    expect(Math.round(acusSum * 100)).toBe(hundredths(orgLine?.cells[3]));
    expect(sharedText.startsWith(`${(acusSum).toFixed(2)} ACUs`)).toBe(true);
    const sharedFact = rows.find((r) => r.a === label('sharedProducts') && typeof r.cells[1] === 'number');
    expect(hundredths(sharedFact?.cells[1])).toBe(costSum);

    // The shortfall or excess Summary and Reconciliation state: the walk's test below.
    expect(row('From the bill to the journal').a).toBe('From the bill to the journal');
  });

  it('uses the glossary’s labels and none of the retired ones in the emails', () => {
    for (const text of [email, ownerMail]) {
      // "ACU" spelled out once, never "ACU: ACU — Agent Compute Unit".
      expect(text).toMatch(new RegExp(`^${GLOSSARY.acu.abbreviation}\\s+${GLOSSARY.acu.expansion}$`, 'm'));
      expect(text).not.toMatch(/^ACU\s+ACU/m);
      for (const retired of RETIRED_LABELS) expect(text).not.toContain(retired);
      // Statuses in words, never the API's codes.
      expect(text).not.toMatch(/\b(exit|error)\b/);
    }
  });
});
