import { z } from 'zod';
import { ACU_DECIMALS, type Acus, scaledToDecimalString } from '#core/money/acus.js';
import { minorUnitsText } from '#core/money/format.js';
import type { Pricing } from '#core/money/pricing.js';
import { type PeriodDocument, toPeriodDocument } from '#core/period/period-document.js';
import type { ReportPeriod } from '#core/period/report-period.js';
import type { CostBasis } from '#core/report/cost-basis.js';

/*
 * The close record: what a period's one closing run wrote and what it charged, final. Written
 * once, after every artifact, as `<base>.close.json` beside them (`<base>` =
 * `devin-acu-chargeback-<slug>`); never rewritten. Later changes to the period are new entries
 * (true-ups) that read their starting figures from here: the price, currency and cost basis
 * the period was charged at, the unsettled sessions with their ACUs at close, and (for every
 * session) the sessions export the record names by key and SHA-256.
 */

export const CLOSE_RECORD_SCHEMA_VERSION = 1;

/** `devin-acu-chargeback-2026-10` → `devin-acu-chargeback-2026-10.close.json`. */
export function closeRecordName(base: string): string {
  return `${base}.close.json`;
}

/** The artifacts a close fingerprints, by what they are. */
export const CLOSE_ARTIFACT_ROLES = [
  'workbook',
  'journal',
  'summary',
  'sessions',
  'costCentres',
  'erpMapping',
  'focus',
] as const;
export type CloseArtifactRole = (typeof CLOSE_ARTIFACT_ROLES)[number];

export interface CloseArtifact {
  /** The S3 key in the record's bucket, or the path relative to the output folder on a laptop. */
  readonly key: string;
  /** SHA-256 of the object's bytes as stored, lower-case hex. */
  readonly sha256: string;
  readonly bytes: number;
}

/** One ERP journal-format file (issue 29): which format and entity it is for, beside the generic journal. */
export interface JournalFormatArtifact extends CloseArtifact {
  readonly format: string;
  /** The legal entity the file posts; null for a file of every entity (Oracle FBDI). */
  readonly entity: string | null;
}

/** A session whose status was not terminal at close: its ACUs may grow after the close. */
export interface UnsettledSession {
  readonly sessionId: string;
  readonly status: string;
  /** Lifetime ACUs at close, exact decimal text. */
  readonly acus: string;
}

export interface CloseRecord {
  readonly schemaVersion: typeof CLOSE_RECORD_SCHEMA_VERSION;
  readonly period: PeriodDocument;
  /** When the record was written (ISO 8601, UTC): the moment the period became final. */
  readonly closedAt: string;
  readonly runId: string;
  /** 'demo' for the built-in data set: a demo close is demo data, never a ledger's. */
  readonly source: 'api' | 'demo';
  /** Where `artifacts` keys live: a bucket, or the output folder of a laptop run. */
  readonly location: { readonly kind: 's3'; readonly bucket: string } | { readonly kind: 'file' };
  readonly pricing: { readonly unitPrice: string; readonly currency: string; readonly minorDigits: number };
  readonly costBasis: CostBasis;
  readonly totals: {
    readonly sessions: number;
    /** Exact decimal text. */
    readonly acus: string;
    /** Allocated minor units (cents) as integer text, and the same in currency units. */
    readonly costMinor: string;
    readonly cost: string;
  };
  readonly unsettled: {
    readonly count: number;
    readonly acus: string;
    readonly costMinor: string;
    readonly cost: string;
    /** Every unsettled session, in the report's order. */
    readonly sessions: readonly UnsettledSession[];
  };
  /** Every artifact the close wrote; `journal` and `costCentres` only with a cost-centre map, `focus` when the dataset was written. */
  readonly artifacts: {
    readonly workbook: CloseArtifact;
    readonly summary: CloseArtifact;
    readonly sessions: CloseArtifact;
    readonly journal?: CloseArtifact | undefined;
    readonly costCentres?: CloseArtifact | undefined;
    /** The erp-mapping.csv the journal formats were built with, when a format was asked for. */
    readonly erpMapping?: CloseArtifact | undefined;
    readonly focus?: CloseArtifact | undefined;
  } & JournalFormatArtifacts;
}

/**
 * Every journal-format file, keyed `journal:<format>[:<entity>]` (`journal:netsuite:US01`,
 * `journal:oracle-fbdi`) beside the roles above, so a reader that goes over every artifact
 * (Object.values) checks these too.
 */
export type JournalFormatArtifacts = { readonly [role: `journal:${string}`]: JournalFormatArtifact };

/** `journal:netsuite:US01`; `journal:oracle-fbdi` for the file of every entity. */
export function journalFormatRole(format: string, entity: string | null): `journal:${string}` {
  return entity === null ? `journal:${format}` : `journal:${format}:${entity}`;
}

export interface CloseRecordInput {
  readonly period: ReportPeriod;
  readonly closedAt: Date;
  readonly runId: string;
  readonly source: 'api' | 'demo';
  readonly location: CloseRecord['location'];
  readonly pricing: Pick<Pricing, 'unitPriceText' | 'currency' | 'minorDigits'>;
  readonly costBasis: CostBasis;
  readonly totals: { readonly sessions: number; readonly acus: Acus; readonly costMinor: bigint };
  readonly unsettled: {
    readonly acus: Acus;
    readonly costMinor: bigint;
    readonly sessions: readonly {
      readonly sessionId: string;
      readonly status: string;
      readonly acus: Acus;
    }[];
  };
  readonly artifacts: CloseRecord['artifacts'];
}

/** The record of one close, from what the run built and what it stored. */
export function buildCloseRecord(input: CloseRecordInput): CloseRecord {
  const { period, pricing } = input;
  const acusText = (acus: Acus) => scaledToDecimalString(acus, ACU_DECIMALS);
  return {
    schemaVersion: CLOSE_RECORD_SCHEMA_VERSION,
    period: toPeriodDocument(period),
    closedAt: input.closedAt.toISOString(),
    runId: input.runId,
    source: input.source,
    location: input.location,
    pricing: {
      unitPrice: pricing.unitPriceText,
      currency: pricing.currency,
      minorDigits: pricing.minorDigits,
    },
    costBasis: input.costBasis,
    totals: {
      sessions: input.totals.sessions,
      acus: acusText(input.totals.acus),
      costMinor: input.totals.costMinor.toString(),
      cost: minorUnitsText(input.totals.costMinor, pricing),
    },
    unsettled: {
      count: input.unsettled.sessions.length,
      acus: acusText(input.unsettled.acus),
      costMinor: input.unsettled.costMinor.toString(),
      cost: minorUnitsText(input.unsettled.costMinor, pricing),
      sessions: input.unsettled.sessions.map((s) => ({
        sessionId: s.sessionId,
        status: s.status,
        acus: acusText(s.acus),
      })),
    },
    artifacts: stripUndefined(input.artifacts),
  };
}

function stripUndefined(artifacts: CloseRecord['artifacts']): CloseRecord['artifacts'] {
  const kept: Partial<Record<CloseArtifactRole, CloseArtifact>> = {};
  for (const role of CLOSE_ARTIFACT_ROLES) {
    const artifact = artifacts[role];
    if (artifact !== undefined) kept[role] = artifact;
  }
  const formats = Object.entries(artifacts).filter(([role]) => role.startsWith('journal:'));
  return { ...(kept as CloseRecord['artifacts']), ...Object.fromEntries(formats) };
}

/** The record's bytes: the same record always serialises to the same text. */
export function closeRecordText(record: CloseRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

const decimalText = z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal number as text');
const integerText = z.string().regex(/^-?\d+$/, 'expected an integer as text');
const artifact = z.object({
  key: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 as 64 hex digits'),
  bytes: z.number().int().nonnegative(),
});

const KNOWN_ROLES = new Set<string>(CLOSE_ARTIFACT_ROLES);

export const closeRecordSchema = z.object({
  schemaVersion: z.literal(CLOSE_RECORD_SCHEMA_VERSION),
  period: z.object({
    kind: z.enum(['month', 'range', 'cycle']),
    alignment: z.enum(['calendar', 'billing-day', 'billing-cycle']),
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    timeZone: z.string().min(1),
    firstDay: z.iso.date(),
    lastDay: z.iso.date(),
    label: z.string(),
    slug: z.string().min(1),
  }),
  closedAt: z.iso.datetime(),
  runId: z.string().min(1),
  source: z.enum(['api', 'demo']),
  location: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('s3'), bucket: z.string().min(1) }),
    z.object({ kind: z.literal('file') }),
  ]),
  pricing: z.object({
    unitPrice: decimalText,
    currency: z.string().regex(/^[A-Z]{3}$/),
    minorDigits: z.number().int().min(0).max(6),
  }),
  costBasis: z.enum(['sessions', 'billed']),
  totals: z.object({
    sessions: z.number().int().nonnegative(),
    acus: decimalText,
    costMinor: integerText,
    cost: decimalText,
  }),
  unsettled: z.object({
    count: z.number().int().nonnegative(),
    acus: decimalText,
    costMinor: integerText,
    cost: decimalText,
    sessions: z.array(z.object({ sessionId: z.string().min(1), status: z.string(), acus: decimalText })),
  }),
  artifacts: z
    .object({
      workbook: artifact,
      summary: artifact,
      sessions: artifact,
      journal: artifact.optional(),
      costCentres: artifact.optional(),
      erpMapping: artifact.optional(),
      focus: artifact.optional(),
    })
    .catchall(artifact.extend({ format: z.string().min(1), entity: z.string().min(1).nullable() }))
    .refine(
      (artifacts) =>
        Object.keys(artifacts).every((role) => KNOWN_ROLES.has(role) || role.startsWith('journal:')),
      {
        message: 'an artifact role is neither a known one nor journal:<format>',
      },
    ),
});

/**
 * A stored close record that cannot be read: torn, edited, or not a record. Not an input the
 * caller typed (exit code 2 stays for wrong options): the file is named, with the field and value.
 */
export class DamagedCloseRecordError extends Error {
  override readonly name = 'DamagedCloseRecordError';
  constructor(
    /** The record's path or `s3://` URI. */
    readonly where: string,
    /** Dotted path of the bad field; empty when the text is not JSON at all. */
    readonly field: string,
    problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${where}${field ? ` ${field}` : ''} is not a valid close record: ${problem}`, options);
  }
}

/**
 * Reads a stored close record back, once, at the edge. `where` names the object or file in the
 * error, so a damaged record says which one, which field and what it holds.
 */
export function parseCloseRecord(json: unknown, where: string): CloseRecord {
  const parsed = closeRecordSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path ?? [];
  const field = path.map(String).join('.');
  const value = valueAt(json, path);
  throw new DamagedCloseRecordError(
    where,
    field,
    `${issue?.message ?? 'unknown problem'} (got ${value === undefined ? 'nothing' : JSON.stringify(value)})`,
  );
}

/** The record's text as stored (a file's bytes, an object's body). */
export function parseCloseRecordText(text: string, where: string): CloseRecord {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DamagedCloseRecordError(where, '', `it is not JSON (${(error as Error).message})`, {
      cause: error,
    });
  }
  return parseCloseRecord(json, where);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** "October 2026 was closed at 2026-11-01T06:00:03.120Z by run 2026-11-01T06-00-00Z-ab12." */
export function closedLine(record: CloseRecord): string {
  return `${record.period.label} was closed at ${record.closedAt} by run ${record.runId}; its files are final and were left as they are.`;
}
