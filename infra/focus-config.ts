import type { Construct } from 'constructs';
import { z } from 'zod';
import { parseContext } from './config-error.js';
import { DEFAULT_BYTES_SCANNED_CUTOFF, DEFAULT_FOCUS_DATABASE } from './constructs/focus-athena.js';

/** The FOCUS dataset's deploy-time settings, read from context beside the main configuration. */
export interface FocusConfig {
  /** Also write a gzip CSV of each period (`FOCUS_CSV`). */
  readonly focusCsv: boolean;
  readonly focusBillingAccountId?: string | undefined;
  readonly focusBillingAccountName?: string | undefined;
  readonly focusDatabase: string;
  /** Athena's per-query scan limit for the workgroup, in bytes (at least 10 MB, Athena's minimum). */
  readonly focusBytesScannedLimit: number;
}

export const FOCUS_CONFIG_KEYS = [
  'focusCsv',
  'focusBillingAccountId',
  'focusBillingAccountName',
  'focusDatabase',
  'focusBytesScannedLimit',
] as const satisfies readonly (keyof FocusConfig)[];

const blank = (value: unknown) => (value === '' || value === null ? undefined : value);
const text = z.preprocess(blank, z.string().trim().min(1).max(256).optional());

const focusConfigSchema = z.object({
  focusCsv: z.preprocess(
    (value) => (typeof value === 'string' ? blank(value.trim().toLowerCase()) : value),
    z
      .union([z.boolean(), z.enum(['true', 'false'])])
      .default(false)
      .transform((v) => v === true || v === 'true'),
  ),
  focusBillingAccountId: text,
  focusBillingAccountName: text,
  focusDatabase: z.preprocess(
    blank,
    z
      .string()
      .regex(/^[a-z0-9_]{1,255}$/, 'must be lower-case letters, digits and _ (Athena lower-cases names)')
      .default(DEFAULT_FOCUS_DATABASE),
  ),
  focusBytesScannedLimit: z.preprocess(
    (value) => {
      const v = blank(value);
      return typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
    },
    z
      .number({ error: 'must be a whole number of bytes' })
      .int()
      .min(10_000_000, 'must be at least 10000000 (Athena refuses a smaller limit)')
      .default(DEFAULT_BYTES_SCANNED_CUTOFF),
  ),
});

export function readFocusConfig(scope: Construct): FocusConfig {
  const raw = Object.fromEntries(FOCUS_CONFIG_KEYS.map((key) => [key, scope.node.tryGetContext(key)]));
  return parseContext(focusConfigSchema, raw);
}

/** The function's FOCUS environment variables; only what is set, so the defaults live in one place. */
export function focusEnvironment(config: FocusConfig): Record<string, string> {
  return {
    ...(config.focusCsv ? { FOCUS_CSV: 'true' } : {}),
    ...(config.focusBillingAccountId === undefined
      ? {}
      : { FOCUS_BILLING_ACCOUNT_ID: config.focusBillingAccountId }),
    ...(config.focusBillingAccountName === undefined
      ? {}
      : { FOCUS_BILLING_ACCOUNT_NAME: config.focusBillingAccountName }),
  };
}
