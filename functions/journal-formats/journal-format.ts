import { InvalidInputError } from '#core/errors.js';

/** The journal formats beside the generic CSV, which stays the default. */
export const JOURNAL_FORMATS = [
  'netsuite',
  'netsuite-intercompany',
  'sap-s4',
  'oracle-fbdi',
  'xero',
  'quickbooks-online',
] as const;
export type JournalFormat = (typeof JOURNAL_FORMATS)[number];

/** What `--journal-format` and `journalFormats` take: the generic journal and the ERP formats. */
export const JOURNAL_FORMAT_NAMES = ['generic', ...JOURNAL_FORMATS] as const;

/** One file a format writes: per entity where the target imports one entity at a time. */
export interface JournalFormatFile {
  readonly format: JournalFormat;
  /** The legal entity the file is for; null when one file holds them all (Oracle FBDI, NetSuite intercompany). */
  readonly entity: string | null;
  readonly fileName: string;
  readonly contentType: string;
  readonly body: Uint8Array;
}

/** The key a mapping row uses for lines without a legal entity. */
export const NO_ENTITY_KEY = '*';

export function entityKeyOf(legalEntity: string | null): string {
  return legalEntity ?? NO_ENTITY_KEY;
}

export function isJournalFormat(value: string): value is JournalFormat {
  return (JOURNAL_FORMATS as readonly string[]).includes(value);
}

/**
 * The ERP formats asked for, from `--journal-format` values or the `journalFormats`
 * setting (each value may itself be a comma list). `generic` is always written, so
 * it adds nothing; an unknown name is refused, naming it and the allowed ones.
 */
export function parseJournalFormats(values: readonly string[], field: string): readonly JournalFormat[] {
  const formats = new Set<JournalFormat>();
  for (const name of values.flatMap((v) => v.split(',')).map((v) => v.trim())) {
    if (name === '' || name === 'generic') continue;
    if (!isJournalFormat(name)) {
      throw new InvalidInputError(
        field,
        name,
        `is not a journal format; use one of ${JOURNAL_FORMAT_NAMES.join(', ')}`,
      );
    }
    formats.add(name);
  }
  return JOURNAL_FORMATS.filter((f) => formats.has(f));
}
