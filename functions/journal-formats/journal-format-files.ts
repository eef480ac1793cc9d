import { ErpMappingError } from './erp-mapping-error.js';
import type { FormatInput } from './format-input.js';
import type { JournalFormat, JournalFormatFile } from './journal-format.js';
import { netsuiteFiles } from './netsuite.js';
import { netsuiteIntercompanyFiles } from './netsuite-intercompany.js';
import { oracleFbdiFiles } from './oracle-fbdi.js';
import { quickbooksOnlineFiles } from './quickbooks-online.js';
import { sapS4Files } from './sap-s4.js';
import { xeroFiles } from './xero.js';

const FORMATTERS: Record<
  JournalFormat,
  (input: FormatInput) => JournalFormatFile[] | Promise<JournalFormatFile[]>
> = {
  netsuite: netsuiteFiles,
  'netsuite-intercompany': netsuiteIntercompanyFiles,
  'sap-s4': sapS4Files,
  'oracle-fbdi': oracleFbdiFiles,
  xero: xeroFiles,
  'quickbooks-online': quickbooksOnlineFiles,
};

/**
 * Every file of every format asked for, built in memory from the generic
 * journal's lines: a missing or bad mapping throws an ErpMappingError before
 * any of them is written. Two entities that would share one file (two entities
 * mapped to one SAP company code) are refused rather than one overwriting the other.
 */
export async function journalFormatFiles(
  formats: readonly JournalFormat[],
  input: FormatInput,
): Promise<JournalFormatFile[]> {
  const files: JournalFormatFile[] = [];
  for (const format of formats) files.push(...(await FORMATTERS[format](input)));
  const seen = new Map<string, JournalFormatFile>();
  for (const file of files) {
    const earlier = seen.get(file.fileName);
    if (earlier !== undefined) {
      throw new ErpMappingError(
        file.format,
        '(file name)',
        `entities ${earlier.entity ?? '*'} and ${file.entity ?? '*'}`,
        `both make ${file.fileName}: map them to different codes`,
      );
    }
    seen.set(file.fileName, file);
  }
  return files;
}
