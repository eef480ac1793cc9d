import { z } from 'zod';
import { InvalidInputError } from '../core/errors.js';
import { parsePricing } from '../core/money/parse-pricing.js';
import type { Pricing } from '../core/money/pricing.js';
import { resolveTimeZone } from '../core/period/time-zone.js';
import type { CostBasis } from '../core/report/cost-basis.js';
import { type FocusOptions, focusOptionsFromEnv } from '../focus/focus-options.js';

/** The function's configuration, read from its environment once per container. */
export interface LambdaConfig {
  readonly bucket: string;
  /** Always ends with '/' (or is empty). */
  readonly prefix: string;
  readonly sender: string;
  readonly recipients: readonly string[];
  readonly timeZone: string;
  readonly pricing: Pricing;
  readonly apiKeySecretId: string;
  readonly devinApiUrl: string | undefined;
  readonly linkTtlSeconds: number;
  /** Attach the workbook when it is at most this big; 0 never attaches. */
  readonly attachMaxBytes: number;
  /** How the scheduled run's month is aligned: calendar days, the vendor's billing days, or its cycles. */
  readonly alignment: 'calendar' | 'billing-day' | 'billing-cycle';
  readonly costBasis: CostBasis;
  /** FOCUS_CSV, FOCUS_BILLING_ACCOUNT_ID, FOCUS_BILLING_ACCOUNT_NAME. */
  readonly focus: FocusOptions;
}

/** SigV4 presigned URLs cannot outlive 7 days. */
export const MAX_LINK_TTL_SECONDS = 7 * 24 * 3600;
/** SES v1 caps a message at 10 MB and base64 grows a file by a third: 7 MB keeps room for the bodies. */
export const MAX_ATTACH_BYTES = 7_000_000;

const required = (name: string) =>
  z
    .string({ error: `${name} is required` })
    .trim()
    .min(1, { error: `${name} is required` });
const emailList = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.email()).min(1).max(50));
const wholeNumber = (min: number, max: number) =>
  z.string().trim().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max));

const environment = z.object({
  REPORT_BUCKET: required('REPORT_BUCKET'),
  REPORT_PREFIX: z.string().trim().default('reports/'),
  EMAIL_SENDER: z.email(),
  EMAIL_RECIPIENTS: emailList,
  REPORT_TIMEZONE: z.string().trim().default('UTC'),
  ACU_PRICE: required('ACU_PRICE'),
  CURRENCY: z.string().trim().default('USD'),
  DEVIN_API_KEY_SECRET: required('DEVIN_API_KEY_SECRET'),
  DEVIN_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  LINK_TTL_SECONDS: wholeNumber(60, MAX_LINK_TTL_SECONDS).default(MAX_LINK_TTL_SECONDS),
  ATTACH_MAX_BYTES: wholeNumber(0, MAX_ATTACH_BYTES).default(0),
  REPORT_ALIGNMENT: z.enum(['calendar', 'billing-day', 'billing-cycle']).default('calendar'),
  COST_BASIS: z.enum(['sessions', 'billed']).default('sessions'),
});

/** Fails fast, naming the variable and its value (never a secret: the key itself is not in the environment). */
export function lambdaConfigFromEnv(env: Record<string, string | undefined>): LambdaConfig {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new InvalidInputError(name, env[name], `is invalid: ${issue?.message ?? 'unknown problem'}`);
  }
  const e = parsed.data;
  const timeZone = asVariable('REPORT_TIMEZONE', () => resolveTimeZone(e.REPORT_TIMEZONE));
  const pricing = asVariable('ACU_PRICE', () => parsePricing(e.ACU_PRICE, e.CURRENCY), {
    currency: 'CURRENCY',
  });
  const prefix =
    e.REPORT_PREFIX === '' || e.REPORT_PREFIX.endsWith('/') ? e.REPORT_PREFIX : `${e.REPORT_PREFIX}/`;
  return {
    bucket: e.REPORT_BUCKET,
    prefix,
    sender: e.EMAIL_SENDER,
    recipients: e.EMAIL_RECIPIENTS,
    timeZone,
    pricing,
    apiKeySecretId: e.DEVIN_API_KEY_SECRET,
    devinApiUrl: e.DEVIN_API_URL,
    linkTtlSeconds: e.LINK_TTL_SECONDS,
    attachMaxBytes: e.ATTACH_MAX_BYTES,
    alignment: e.REPORT_ALIGNMENT,
    costBasis: e.COST_BASIS,
    focus: focusOptionsFromEnv(env),
  };
}

/** Re-labels a domain validation error with the environment variable a deployer must fix. */
function asVariable<T>(name: string, read: () => T, otherFields: Record<string, string> = {}): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    const variable = otherFields[error.field] ?? name;
    const problem = error.message.slice(error.message.indexOf(':') + 1).trim();
    throw new InvalidInputError(variable, undefined, problem, { cause: error });
  }
}
