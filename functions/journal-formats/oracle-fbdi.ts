import JSZip from 'jszip';
import type { JournalLine } from '#core/cost-centres/journal.js';
import { csvRows } from '#core/csv/csv-rows.js';
import { optionalValue, requiredValue } from './erp-mapping.js';
import { ErpMappingError } from './erp-mapping-error.js';
import { accountOf, amountText, codeWithin, type FormatInput } from './format-input.js';
import { slashedDate } from './import-text.js';
import { entityKeyOf, type JournalFormatFile } from './journal-format.js';
import { clipText, lineTextOf } from './line-text.js';

/**
 * Oracle Fusion General Ledger, Import Journals by file-based data import (FBDI):
 * GL_INTERFACE rows as GlInterface.csv, no header row, zipped, uploaded with
 * Scheduled Processes > Load Interface File for Import (Import Journals). Every
 * line carries its ledger (LEDGER_ID), STATUS NEW and ACTUAL_FLAG A; dates
 * YYYY/MM/DD; amounts with a dot and no thousands separator in ENTERED_DR or
 * ENTERED_CR, the other left empty. Source and category are the names set up in
 * Manage Journal Sources / Categories (25 characters); segment values 25 each.
 * The columns stop after REFERENCE10, the last one written. That is allowed:
 * the FBDI control file for GL_INTERFACE (gl_interface.ctl, loaded by SQL*Loader
 * after Load Interface File for Import) reads the fields in exactly this order
 * (STATUS, LEDGER_ID, ACCOUNTING_DATE, USER_JE_SOURCE_NAME, USER_JE_CATEGORY_NAME,
 * CURRENCY_CODE, DATE_CREATED, ACTUAL_FLAG, SEGMENT1-30, ENTERED_DR/CR,
 * ACCOUNTED_DR/CR, REFERENCE1-10, then REFERENCE21-30, …) "optionally enclosed
 * by '"' trailing nullcols", so columns left off the end load as null; it parses
 * the dates with to_date(…, 'YYYY/MM/DD') and the amounts through
 * replace_decimal_char. REFERENCE1 (batch name) and REFERENCE6
 * (journal reference) take the short reference, REFERENCE2 and REFERENCE5
 * (batch and journal descriptions) the journal_id, REFERENCE10 the line text.
 * https://docs.oracle.com/en/cloud/saas/financials/24d/oedmf/glinterface-8261.html (the table)
 * https://docs.oracle.com/en/cloud/saas/financials/23d/oefbf/financials-file-based-data-imports.html
 */
export const GL_INTERFACE_COLUMNS = [
  'STATUS',
  'LEDGER_ID',
  'ACCOUNTING_DATE',
  'USER_JE_SOURCE_NAME',
  'USER_JE_CATEGORY_NAME',
  'CURRENCY_CODE',
  'DATE_CREATED',
  'ACTUAL_FLAG',
  ...Array.from({ length: 30 }, (_, i) => `SEGMENT${i + 1}`),
  'ENTERED_DR',
  'ENTERED_CR',
  'ACCOUNTED_DR',
  'ACCOUNTED_CR',
  ...Array.from({ length: 10 }, (_, i) => `REFERENCE${i + 1}`),
] as const;

/** The entry name inside the zip, as the Journal Import template's macro names it. */
export const GL_INTERFACE_FILE = 'GlInterface.csv';

export const ORACLE_LIMITS = {
  source: 25,
  category: 25,
  segment: 25,
  segments: 30,
  name: 100,
  description: 240,
} as const;

/** A fixed zip time: the same journal makes the same bytes (and SHA-256) on any run. */
const ZIP_DATE = new Date(Date.UTC(2000, 0, 1));

export async function oracleFbdiFiles(input: FormatInput): Promise<JournalFormatFile[]> {
  const rows = input.journal.lines.map((line) => glInterfaceRow(line, input));
  const zip = new JSZip();
  zip.file(GL_INTERFACE_FILE, csvRows(rows), { date: ZIP_DATE, createFolders: false });
  const body = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', platform: 'UNIX' });
  return [
    {
      format: 'oracle-fbdi',
      entity: null,
      fileName: `${input.baseName}.oracle-fbdi.zip`,
      contentType: 'application/zip',
      body,
    },
  ];
}

function glInterfaceRow(line: JournalLine, input: FormatInput): string[] {
  const { journal, mapping } = input;
  const key = entityKeyOf(line.legalEntity);
  const subject = `entity ${key}`;
  const ledger = requiredValue(mapping.entities, key, 'oracle_ledger_id', 'oracle-fbdi', subject);
  if (!/^\d{1,18}$/.test(ledger)) {
    throw new ErpMappingError(
      'oracle-fbdi',
      'oracle_ledger_id',
      subject,
      `is ${JSON.stringify(ledger)}, not a ledger id (digits)`,
    );
  }
  const named = (column: 'oracle_je_source' | 'oracle_je_category', field: string) =>
    codeWithin(requiredValue(mapping.entities, key, column, 'oracle-fbdi', subject), ORACLE_LIMITS.source, {
      format: 'oracle-fbdi',
      column,
      subject,
      field,
    });
  const segments = segmentValues(line, input);
  const journalName = clipText(`${input.shortReference} ${key}`, ORACLE_LIMITS.name);
  return [
    'NEW',
    ledger,
    slashedDate(journal.postingDate),
    named('oracle_je_source', 'USER_JE_SOURCE_NAME'),
    named('oracle_je_category', 'USER_JE_CATEGORY_NAME'),
    journal.currency,
    slashedDate(input.createdOn),
    'A',
    ...segments,
    ...Array.from({ length: ORACLE_LIMITS.segments - segments.length }, () => ''),
    amountText(line.debitMinor, input),
    amountText(line.creditMinor, input),
    '',
    '',
    input.shortReference,
    clipText(journal.journalId, ORACLE_LIMITS.description),
    '',
    journalName,
    clipText(journal.journalId, ORACLE_LIMITS.description),
    input.shortReference,
    '',
    '',
    '',
    lineTextOf(line, ORACLE_LIMITS.description),
  ];
}

/**
 * The entity's `oracle_segments`: its chart of accounts' segments in order,
 * separated by `|`, each `company` (the entity row's oracle_segment_value),
 * `cost_centre` (the cost-centre row's), `account` (the account row's, else the
 * GL account) or `=VALUE` for a constant (e.g. `=0000` for an unused segment).
 */
function segmentValues(line: JournalLine, input: FormatInput): string[] {
  const { mapping } = input;
  const key = entityKeyOf(line.legalEntity);
  const subject = `entity ${key}`;
  const order = requiredValue(mapping.entities, key, 'oracle_segments', 'oracle-fbdi', subject)
    .split('|')
    .map((s) => s.trim());
  if (order.length > ORACLE_LIMITS.segments) {
    throw new ErpMappingError(
      'oracle-fbdi',
      'oracle_segments',
      subject,
      `lists ${order.length} segments; GL_INTERFACE has 30`,
    );
  }
  return order.map((token) => {
    const centre = `cost centre ${line.costCentre}`;
    let value: string;
    let where: string;
    if (token.startsWith('=')) {
      value = token.slice(1);
      where = subject;
    } else if (token === 'company') {
      value = requiredValue(mapping.entities, key, 'oracle_segment_value', 'oracle-fbdi', subject);
      where = subject;
    } else if (token === 'cost_centre') {
      value = requiredValue(
        mapping.costCentres,
        line.costCentre,
        'oracle_segment_value',
        'oracle-fbdi',
        centre,
      );
      where = centre;
    } else if (token === 'account') {
      const account = accountOf(line, 'oracle-fbdi');
      value = optionalValue(mapping.accounts, account, 'oracle_segment_value') ?? account;
      where = `account ${account}`;
    } else {
      throw new ErpMappingError(
        'oracle-fbdi',
        'oracle_segments',
        subject,
        `names segment ${JSON.stringify(token)}; use company, cost_centre, account or =VALUE`,
      );
    }
    return codeWithin(value, ORACLE_LIMITS.segment, {
      format: 'oracle-fbdi',
      column: 'oracle_segment_value',
      subject: where,
      field: 'a GL_INTERFACE segment',
    });
  });
}
