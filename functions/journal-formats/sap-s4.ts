import { UTF8_BOM } from '#core/cost-centres/journal-csv.js';
import { csvRows } from '#core/csv/csv-rows.js';
import { optionalValue, requiredValue } from './erp-mapping.js';
import {
  accountOf,
  amountText,
  CSV_CONTENT_TYPE,
  codeWithin,
  type FormatInput,
  linesByEntity,
  utf8,
} from './format-input.js';
import { fileSlug } from './import-text.js';
import { entityKeyOf, type JournalFormatFile } from './journal-format.js';
import { lineTextOf } from './line-text.js';

/**
 * SAP S/4HANA "Upload General Journal Entries" (Fiori app F2548): the template's
 * fields as CSV, one journal entry (document) per company code, so one file per
 * legal entity. Field lengths are the BKPF/BSEG ones: BUKRS 4, BLART 2, XBLNR 16,
 * BKTXT 25, HKONT 10, KOSTL 10, SGTXT 50. Codes are refused when too long (SAP
 * would look up a different one); texts are shortened by lineTextOf. The
 * journal_id (50 characters) fits no header field: XBLNR carries the short
 * reference and the header text repeats it. Dates YYYYMMDD.
 * https://help.sap.com/docs/SAP_S4HANA_ON-PREMISE/3ab6e6fc510f4840a5508e126ef01e22/22a267e571e948499fda007a65b27c64.html
 * Not verified against that page (its text could not be read back), and what
 * could be read contradicts the layout: the app's own template
 * (JournalEntry_Template, downloaded from the app as XLSX, comma CSV or
 * semicolon CSV) has a Header block and a Line Items block, each a row of
 * technical names (header BUKRS, BLART, BLDAT, BUDAT, WAERS, XBLNR, BKTXT, …;
 * items HKONT, WRSOL debit / WRHAB credit in transaction currency, KOSTL,
 * SGTXT, …) over a row of descriptions, not one flat table with these headings.
 * So this file carries the template's values per document; copy them into the
 * downloaded template (see docs/finance-journal.md) until the layout is built
 * from SAP's page.
 */
export const SAP_S4_COLUMNS = [
  'Journal Entry',
  'Company Code (BUKRS)',
  'Journal Entry Type (BLART)',
  'Journal Entry Date (BLDAT)',
  'Posting Date (BUDAT)',
  'Transaction Currency (WAERS)',
  'Reference (XBLNR)',
  'Header Text (BKTXT)',
  'G/L Account (HKONT)',
  'Cost Center (KOSTL)',
  'Debit Amount',
  'Credit Amount',
  'Item Text (SGTXT)',
] as const;

export const SAP_LIMITS = {
  companyCode: 4,
  documentType: 2,
  reference: 16,
  headerText: 25,
  account: 10,
  costCenter: 10,
  itemText: 50,
} as const;

/** Journal entry type SA (G/L account document) unless the entity's row names another. */
export const SAP_DEFAULT_DOCUMENT_TYPE = 'SA';

export function sapS4Files(input: FormatInput): JournalFormatFile[] {
  const { journal, mapping } = input;
  const date = journal.postingDate.replaceAll('-', '');
  const reference = input.shortReference;
  if (reference.length > SAP_LIMITS.reference)
    throw new RangeError(`short reference ${reference} is longer than XBLNR's 16`);
  const headerText = `Devin ACUs ${reference}`.slice(0, SAP_LIMITS.headerText);
  return [...linesByEntity(journal)].map(([entity, lines]) => {
    const key = entityKeyOf(entity);
    const subject = `entity ${key}`;
    const companyCode = codeWithin(
      requiredValue(mapping.entities, key, 'sap_company_code', 'sap-s4', subject),
      SAP_LIMITS.companyCode,
      {
        format: 'sap-s4',
        column: 'sap_company_code',
        subject,
        field: 'BUKRS',
      },
    );
    const documentType = codeWithin(
      optionalValue(mapping.entities, key, 'sap_document_type') ?? SAP_DEFAULT_DOCUMENT_TYPE,
      SAP_LIMITS.documentType,
      { format: 'sap-s4', column: 'sap_document_type', subject, field: 'BLART' },
    );
    const rows = lines.map((line) => {
      const centre = `cost centre ${line.costCentre}`;
      const costCenter = codeWithin(
        requiredValue(mapping.costCentres, line.costCentre, 'sap_cost_center', 'sap-s4', centre),
        SAP_LIMITS.costCenter,
        { format: 'sap-s4', column: 'sap_cost_center', subject: centre, field: 'KOSTL' },
      );
      const account = codeWithin(accountOf(line, 'sap-s4'), SAP_LIMITS.account, {
        format: 'sap-s4',
        column: 'gl_account',
        subject: centre,
        field: 'HKONT',
      });
      return [
        '1',
        companyCode,
        documentType,
        date,
        date,
        journal.currency,
        reference,
        headerText,
        account,
        costCenter,
        amountText(line.debitMinor, input),
        amountText(line.creditMinor, input),
        lineTextOf(line, SAP_LIMITS.itemText),
      ];
    });
    return {
      format: 'sap-s4' as const,
      entity,
      fileName: `${input.baseName}.sap-s4.${fileSlug(companyCode)}.csv`,
      contentType: CSV_CONTENT_TYPE,
      body: utf8(`${UTF8_BOM}${csvRows([SAP_S4_COLUMNS, ...rows])}`),
    };
  });
}
