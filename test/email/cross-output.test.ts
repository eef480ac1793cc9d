import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { GLOSSARY, RETIRED_LABELS } from '../../functions/core/glossary/glossary.js';
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

const resultOf = (value: unknown) =>
  typeof value === 'object' && value !== null && 'result' in value
    ? (value as { result: unknown }).result
    : value;

describe('one story across the workbook, the finance email and the owners’ mail (demo, November 2026)', () => {
  let workbook: ExcelJS.Workbook;
  let email: string;
  let ownerMail: string;

  beforeAll(async () => {
    const out = await runDemoMonths(['2026-11']);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, `${BASE}.xlsx`));
    const eml = await readFile(join(out, `${BASE}.eml`), 'utf8');
    email = (await simpleParser(eml)).text ?? '';
    const owner = await readFile(join(out, `${BASE}.showback`, 'maria.lopez@northwind.example.eml'), 'utf8');
    ownerMail = (await simpleParser(owner)).text ?? '';
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
    const owner = /^Cost\s+(USD [\d,]+\.\d\d)$/m.exec(ownerMail)?.[1] ?? '';
    expect(Math.round(Number(resultOf(cc110?.Usage)) * 100)).toBe(cents(owner));
  });

  it('uses the glossary’s labels and none of the retired ones in the emails', () => {
    for (const text of [email, ownerMail]) {
      expect(text).toContain(GLOSSARY.acu.label);
      for (const retired of RETIRED_LABELS) expect(text).not.toContain(retired);
      // Statuses in words, never the API's codes.
      expect(text).not.toMatch(/\b(exit|error)\b/);
    }
  });
});
