import type { Construct } from 'constructs';
import { z } from 'zod';
import { defaultOf } from '#config/setting.js';
import * as settings from '#config/settings.js';
import { defaultRecipientDomains, parseDomainList } from '#email/recipient-domains.js';
import type { JournalFormat } from '#journal-formats/journal-format.js';
import { MAX_LINK_LIFETIME_SECONDS } from '#links/token/link-token.js';
import { ConfigError, parseContext } from './config-error.js';
import { contextSetting } from './context-setting.js';
import { DEFAULT_CATCH_UP_SCHEDULE, defaultSchedule } from './default-schedule.js';
import { ENV_CONTEXT_KEY } from './environment-config.js';
import { FOCUS_CONFIG_KEYS } from './focus-config.js';
import { unknownContextKeys } from './unknown-context-keys.js';

/**
 * Everything an operator can set at deploy time, read once from CDK context
 * (`cdk.json` "context" or `-c key=value`) and validated before any resource
 * exists, so a typo fails `cdk synth` instead of next month's run.
 */
export interface ChargebackConfig {
  readonly recipients: readonly string[];
  readonly sender: string;
  /**
   * Domains a manual event's `recipients` may be in (lower-case, exact match). Default: the
   * domains of `recipients` and `sender`.
   */
  readonly allowedRecipientDomains: readonly string[];
  /** EventBridge Scheduler cron expression, `cron(min hour day-of-month month day-of-week year)`. */
  readonly schedule: string;
  /** IANA zone the schedule fires in and the report's calendar month is read in. */
  readonly timezone: string;
  /** The zone `schedule` fires in: `timezone` for a given schedule, UTC for the default one. */
  readonly scheduleTimezone: string;
  /** Decimal text, passed through untouched so the handler parses it exactly. */
  readonly acuPrice: string;
  readonly currency: string;
  /** An existing bucket to write into instead of creating one. */
  readonly bucketName?: string | undefined;
  /** An existing secret (name or ARN) holding the Devin API key instead of creating an empty one. */
  readonly apiKeySecret?: string | undefined;
  /** Where alarms go; undefined only when the operator said `alarmEmail: none` (a warning at synth). */
  readonly alarmEmail?: string | undefined;
  /** Reply-To of the owners' showback mail; the Lambda defaults it to the first recipient. */
  readonly replyTo?: string | undefined;
  /** Days after which report objects move to a cheaper storage class. */
  readonly transitionDays: number;
  readonly reportPrefix: string;
  readonly linkTtlSeconds: number;
  /**
   * The download-link service: emails carry a signed link that works for
   * `linkTtlSeconds` whatever the role session. Off, they carry presigned S3 links.
   */
  readonly durableLinks: boolean;
  /** Attach the workbook when it is at most this size; 0 (the default) never attaches: link only. */
  readonly attachMaxBytes: number;
  readonly devinApiUrl?: string | undefined;
  /** `v2` or `v3`; absent: the key in the secret decides (cog_ → v3). */
  readonly devinApiVersion?: 'v2' | 'v3' | undefined;
  /** Calendar days in `timezone`, the vendor's billing days (08:00 UTC), or its billing cycles. */
  readonly alignment: Alignment;
  /** Session lifetime ACUs (default) or the vendor's billed ACUs. */
  readonly costBasis: 'sessions' | 'billed';
  /** S3 key of finance's cost-centre map; default `<reportPrefix>config/cost-centres.csv`. */
  readonly costCentresKey?: string | undefined;
  /** The journal's credit account: `2100`, or `US01=2100;UK01=2150` per legal entity. */
  readonly creditAccount?: string | undefined;
  /** How non-session products are charged back: proportional (default), even, to:<cost centre>, none. */
  readonly sharedCosts?: string | undefined;
  /** Closed periods a close re-reads for true-ups (default 3; 0: none). */
  readonly trueUpMonths?: number | undefined;
  /** Hours after a period's last billing day ends before it may close (default 4). */
  readonly closeSettleHours?: number | undefined;
  /** Hours after a period may close before a missing close record alarms (default 24). */
  readonly heartbeatHours?: number | undefined;
  /** The daily catch-up's schedule, in UTC (default 20:00). */
  readonly catchUpSchedule: string;
  /**
   * ERP journal formats written beside the generic journal (the handler's JOURNAL_FORMATS):
   * netsuite, netsuite-intercompany, sap-s4, oracle-fbdi, xero, quickbooks-online; `generic` alone (the default) adds none.
   * Their codes come from erp-mapping.csv beside the cost-centre map.
   */
  readonly journalFormats: readonly JournalFormat[];
  /** Email each budget owner their cost centres' slice after finance's email. */
  readonly showback: boolean;
  /**
   * Session rows the workbook lists at most (the handler's MAX_SESSION_ROWS), under
   * Excel's row limit; totals, the FOCUS dataset and the raw export keep every session.
   */
  readonly maxSessionRows: number;
  /**
   * A month too big for one invocation goes to a Step Functions state machine (windows, then a
   * merge). Off (the default), a month too big for one invocation fails before fetching, with an
   * error naming its session count and the limit and saying to turn this on.
   */
  readonly distributedRuns: boolean;
  /** SESSIONS_PER_INVOCATION: a measured capacity replacing the planner's estimate; absent: estimated. */
  readonly sessionsPerInvocation?: number | undefined;
  /**
   * `none` (the default: SSE-S3 and AWS-managed keys), `create` (the stack makes a customer-managed
   * key, rotated yearly, kept when the stack is deleted) or an existing key's ARN. When set, the
   * report bucket, the Athena results, the log groups, the alarm topic and the created secrets use it.
   */
  readonly encryptionKey: EncryptionKeySetting;
  /** S3 Object Lock default retention of the report bucket; absent: no Object Lock. */
  readonly objectLock?: ObjectLockSetting | undefined;
}

export type EncryptionKeySetting =
  | { readonly kind: 'none' }
  | { readonly kind: 'create' }
  | { readonly kind: 'existing'; readonly keyArn: string };

export interface ObjectLockSetting {
  /** governance: a principal with s3:BypassGovernanceRetention can still remove a version; compliance: nobody can. */
  readonly mode: 'governance' | 'compliance';
  readonly days: number;
}

export type { Alignment } from '#config/settings.js';

import type { Alignment } from '#config/settings.js';

export const CONFIG_KEYS = [
  'recipients',
  'sender',
  'allowedRecipientDomains',
  'schedule',
  'timezone',
  'acuPrice',
  'currency',
  'bucketName',
  'apiKeySecret',
  'alarmEmail',
  'replyTo',
  'transitionDays',
  'reportPrefix',
  'linkTtlSeconds',
  'durableLinks',
  'attachMaxBytes',
  'devinApiUrl',
  'devinApiVersion',
  'alignment',
  'costBasis',
  'costCentresKey',
  'creditAccount',
  'sharedCosts',
  'trueUpMonths',
  'closeSettleHours',
  'heartbeatHours',
  'catchUpSchedule',
  'journalFormats',
  'showback',
  'maxSessionRows',
  'distributedRuns',
  'sessionsPerInvocation',
  'encryptionKey',
  'objectLockMode',
  'objectLockDays',
  // Object Lock is two keys in context and one setting (objectLock) in the config.
] as const satisfies readonly (keyof ChargebackConfig | 'objectLockMode' | 'objectLockDays')[];

export type ConfigKey = (typeof CONFIG_KEYS)[number];

/** The value of `encryptionKey` that keeps today's SSE-S3 and AWS-managed keys. */
export const NO_ENCRYPTION_KEY = 'none';
/** The value of `encryptionKey` that makes the stack create its own customer-managed key. */
export const CREATE_ENCRYPTION_KEY = 'create';
/** Object Lock retention in days: at most 100 years, as S3 allows. */
const MAX_OBJECT_LOCK_DAYS = 36_500;

/** Defaults that cdk.json repeats; `schedule` is not one of them: it follows `alignment`. */
export const CONFIG_DEFAULTS = {
  alignment: defaultOf(settings.alignment),
  costBasis: defaultOf(settings.costBasis),
  timezone: defaultOf(settings.timezone),
  currency: defaultOf(settings.currency),
  transitionDays: 90,
  reportPrefix: 'reports/',
  // A month: the email is read days after the 1st. Without durable links the stack caps it at SigV4's 7 days
  // and the handler shortens it further to the signing credentials' life, saying so in the email.
  linkTtlSeconds: 2_592_000,
  durableLinks: true,
  // Off unless a month outgrows one invocation: the run's error says so, with the count and the limit.
  distributedRuns: false,
  // Link only: an attachment bypasses the link service's revocation and access log, and ships
  // session titles and user emails to every mailbox the message reaches. Opt in with a size.
  attachMaxBytes: defaultOf(settings.attachMaxBytes),
  maxSessionRows: defaultOf(settings.maxSessionRows),
} as const;

/** SigV4 presigned URLs cannot outlive 7 days. */
export const MAX_PRESIGNED_LINK_TTL_SECONDS = 604_800;
/** A signed link to the link service: at most 366 days, which the link service enforces too. */
const MAX_LINK_TTL_SECONDS = MAX_LINK_LIFETIME_SECONDS;

export { ConfigError, type ConfigProblem } from './config-error.js';

/** The value of `alarmEmail` that opts out of alarm mail, on purpose and with a warning. */
export const NO_ALARM_EMAIL = 'none';

/**
 * Reads every known key from the construct tree's context and validates them together, with every
 * key the stack does not know: one synth lists all that needs fixing.
 */
export function readConfig(scope: Construct): ChargebackConfig {
  const unknown = unknownContextKeys(scope.node.getAllContext(), [
    ...CONFIG_KEYS,
    ...FOCUS_CONFIG_KEYS,
    ENV_CONTEXT_KEY,
  ]);
  try {
    const config = parseConfig(
      Object.fromEntries(CONFIG_KEYS.map((key) => [key, scope.node.tryGetContext(key)])),
    );
    if (unknown.length > 0) throw new ConfigError(unknown);
    return config;
  } catch (error) {
    if (!(error instanceof ConfigError) || unknown.length === 0) throw error;
    throw new ConfigError([...error.problems.filter((p) => !unknown.includes(p)), ...unknown], {
      cause: error,
    });
  }
}

/** Validates raw context values; throws a ConfigError listing every bad key with its value. */
export function parseConfig(raw: Readonly<Record<string, unknown>>): ChargebackConfig {
  return parseContext(configSchema, raw);
}

// `-c key=` and blank cdk.json strings mean "not set", so defaults and optionality apply.
function blankToUndefined(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function textOr(fallback: string) {
  return z.preprocess(blankToUndefined, z.string({ error: 'must be text' }).default(fallback));
}

function optionalText() {
  return z.preprocess(blankToUndefined, z.string({ error: 'must be text' }).optional());
}

function emailAddress(missing = 'is required') {
  return z.email({
    error: (issue) =>
      issue.input === undefined
        ? missing
        : `${JSON.stringify(issue.input)} is not a plain e-mail address (name@example.com)`,
  });
}

// Context from -c arrives as text, from cdk.json possibly as a number.
function wholeNumberOr(fallback: number, min: number, max: number, meaning: string) {
  return z.preprocess(
    (value) => {
      const v = blankToUndefined(value);
      return typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
    },
    z
      .number({ error: `must be a whole number (${meaning})` })
      .int(`must be a whole number (${meaning})`)
      .min(min, `must be at least ${min} (${meaning})`)
      .max(max, `must be at most ${max} (${meaning})`)
      .default(fallback),
  );
}

/** Why a Scheduler cron expression would be rejected at deploy time, or undefined when it is fine. */
export function cronProblem(expression: string): string | undefined {
  const match = /^cron\((.*)\)$/.exec(expression);
  if (!match) return 'must look like cron(minutes hours day-of-month month day-of-week year)';
  const fields = (match[1] ?? '').trim().split(/\s+/);
  if (fields.length !== 6) {
    return `must have 6 fields (minutes hours day-of-month month day-of-week year), found ${fields.length}`;
  }
  // EventBridge rejects an expression that pins both days, or neither.
  const dayOfMonthAny = fields[2] === '?';
  const dayOfWeekAny = fields[4] === '?';
  if (dayOfMonthAny === dayOfWeekAny) return 'exactly one of day-of-month and day-of-week must be ?';
  if (fields.some((field) => !/^[\w*?,/#\-LW]+$/.test(field)))
    return 'has characters a cron field cannot hold';
  return undefined;
}

// Required, so that silence is never mistaken for success: `none` opts out on purpose.
const ALARM_EMAIL_MISSING = `is required: the address alarms are mailed to (or "${NO_ALARM_EMAIL}" for no alarm mail, with a warning)`;

const RECIPIENTS_MISSING = 'is required: comma-separated e-mail addresses of the report recipients';

const configSchema = z
  .object({
    recipients: z.preprocess(
      (value) => {
        const v = blankToUndefined(value);
        return typeof v === 'string'
          ? v
              .split(',')
              .map((s) => s.trim())
              .filter((s) => s !== '')
          : v;
      },
      z
        .array(emailAddress(), { error: RECIPIENTS_MISSING })
        .min(1, RECIPIENTS_MISSING)
        // SES refuses more than 50 recipients in one message.
        .max(50, 'must list at most 50 addresses (the SES limit per message); use a distribution list'),
    ),
    sender: z.preprocess(
      blankToUndefined,
      emailAddress('is required: the SES-verified address the report is sent from'),
    ),
    allowedRecipientDomains: z.preprocess(
      (value) => {
        const v = blankToUndefined(value);
        return Array.isArray(v) ? v.join(',') : v;
      },
      z
        .string({ error: 'must be comma-separated domain names such as example.com,example.org' })
        .optional()
        .superRefine((value, ctx) => {
          const invalid = value === undefined ? undefined : parseDomainList(value).invalid;
          if (invalid !== undefined) {
            ctx.addIssue({
              code: 'custom',
              message: `${JSON.stringify(invalid)} is not a domain name such as example.com`,
            });
          }
        }),
    ),
    schedule: optionalText().superRefine((value, ctx) => {
      const problem = value === undefined ? undefined : cronProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    alignment: contextSetting(settings.alignment, 'default'),
    costBasis: contextSetting(settings.costBasis, 'default'),
    timezone: contextSetting(settings.timezone, 'default'),
    acuPrice: contextSetting(settings.acuPrice, 'omitted').transform((price, ctx) => {
      if (price !== undefined) return price;
      ctx.addIssue({ code: 'custom', message: settings.ACU_PRICE_REQUIRED });
      return z.NEVER;
    }),
    currency: contextSetting(settings.currency, 'default'),
    bucketName: optionalText().refine(
      (v) => v === undefined || (/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(v) && !v.includes('..')),
      'is not a valid S3 bucket name (3-63 lower-case letters, digits, dots, hyphens)',
    ),
    apiKeySecret: optionalText().refine(
      (v) =>
        v === undefined ||
        /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[\w/+=.@-]+$/.test(v) ||
        /^[\w/+=.@-]{1,512}$/.test(v),
      'must be a Secrets Manager secret name or ARN',
    ),
    // Required, so that silence is never mistaken for success: `none` opts out on purpose.
    alarmEmail: z
      .preprocess(
        blankToUndefined,
        z.string({ error: ALARM_EMAIL_MISSING }).superRefine((v, ctx) => {
          if (v === NO_ALARM_EMAIL || z.email().safeParse(v).success) return;
          ctx.addIssue({
            code: 'custom',
            message: `${JSON.stringify(v)} is not a plain e-mail address (name@example.com)`,
          });
        }),
      )
      .transform((v) => (v === NO_ALARM_EMAIL ? undefined : v)),
    replyTo: z.preprocess(blankToUndefined, emailAddress().optional()),
    transitionDays: wholeNumberOr(
      CONFIG_DEFAULTS.transitionDays,
      1,
      36_500,
      'days before reports move to a cheaper storage class',
    ),
    reportPrefix: textOr(CONFIG_DEFAULTS.reportPrefix).refine(
      (v) => /^([\w!.*'()-]+\/)+$/.test(v),
      'must be an S3 key prefix ending in "/" without a leading "/", e.g. reports/',
    ),
    linkTtlSeconds: wholeNumberOr(
      CONFIG_DEFAULTS.linkTtlSeconds,
      60,
      MAX_LINK_TTL_SECONDS,
      'download link lifetime in seconds',
    ),
    durableLinks: z.preprocess(
      (value) => {
        const v = blankToUndefined(value);
        return v === 'true' ? true : v === 'false' ? false : v;
      },
      z.boolean({ error: 'must be true or false' }).default(CONFIG_DEFAULTS.durableLinks),
    ),
    distributedRuns: z.preprocess(
      (value) => {
        const v = blankToUndefined(value);
        return v === 'true' ? true : v === 'false' ? false : v;
      },
      z.boolean({ error: 'must be true or false' }).default(CONFIG_DEFAULTS.distributedRuns),
    ),
    sessionsPerInvocation: contextSetting(settings.sessionsPerInvocation, 'omitted'),
    attachMaxBytes: contextSetting(settings.attachMaxBytes, 'default'),
    costCentresKey: optionalText().refine(
      (v) => v === undefined || (/^[\w!.*'()/-]+$/.test(v) && !v.startsWith('/') && !v.endsWith('/')),
      'must be an S3 object key without a leading "/", e.g. reports/config/cost-centres.csv',
    ),
    creditAccount: contextSetting(settings.creditAccount, 'omitted', 'text'),
    sharedCosts: contextSetting(settings.sharedCosts, 'omitted', 'text'),
    journalFormats: contextSetting(settings.journalFormats, 'default'),
    trueUpMonths: contextSetting(settings.trueUpMonths, 'omitted'),
    heartbeatHours: contextSetting(settings.heartbeatHours, 'omitted'),
    catchUpSchedule: z.preprocess(
      blankToUndefined,
      z
        .string({ error: 'must be text' })
        .default(DEFAULT_CATCH_UP_SCHEDULE)
        .superRefine((value, ctx) => {
          const problem = cronProblem(value);
          if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
        }),
    ),
    closeSettleHours: contextSetting(settings.closeSettleHours, 'omitted'),
    maxSessionRows: contextSetting(settings.maxSessionRows, 'default'),
    showback: contextSetting(settings.showback, 'default'),
    devinApiUrl: optionalText().refine(
      (v) => v === undefined || isHttpsUrl(v),
      'must be an https:// URL such as https://api.devin.ai',
    ),
    encryptionKey: textOr(NO_ENCRYPTION_KEY).transform((v, ctx): EncryptionKeySetting => {
      if (v === NO_ENCRYPTION_KEY) return { kind: 'none' };
      if (v === CREATE_ENCRYPTION_KEY) return { kind: 'create' };
      // A key ARN (single- or multi-Region key); an alias cannot be granted on, since IAM checks the key.
      if (/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/(mrk-[0-9a-f]{32}|[0-9a-f-]{36})$/.test(v)) {
        return { kind: 'existing', keyArn: v };
      }
      ctx.addIssue({
        code: 'custom',
        message: `must be ${NO_ENCRYPTION_KEY}, ${CREATE_ENCRYPTION_KEY} or a KMS key ARN (arn:aws:kms:<region>:<account>:key/<key id>), not an alias`,
      });
      return z.NEVER;
    }),
    objectLockMode: z.preprocess(
      (value) => (typeof value === 'string' ? blankToUndefined(value.toLowerCase()) : value),
      z
        .enum(['governance', 'compliance'], {
          error: 'must be governance or compliance (or left out: no Object Lock)',
        })
        .optional(),
    ),
    objectLockDays: z.preprocess(
      (value) => {
        const v = blankToUndefined(value);
        return typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
      },
      z
        .number({ error: `must be a whole number of days from 1 to ${MAX_OBJECT_LOCK_DAYS}` })
        .int(`must be a whole number of days from 1 to ${MAX_OBJECT_LOCK_DAYS}`)
        .min(1, `must be a whole number of days from 1 to ${MAX_OBJECT_LOCK_DAYS}`)
        .max(MAX_OBJECT_LOCK_DAYS, `must be a whole number of days from 1 to ${MAX_OBJECT_LOCK_DAYS}`)
        .optional(),
    ),
    devinApiVersion: contextSetting(settings.devinApiVersion, 'omitted'),
  })
  .superRefine((config, ctx) => {
    const { objectLockMode: mode, objectLockDays: days } = config;
    if (mode !== undefined && days === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['objectLockDays'],
        message: `is required with objectLockMode=${mode}: the days each object version is kept locked`,
      });
    }
    if (mode === undefined && days !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['objectLockMode'],
        message: 'is required with objectLockDays: governance or compliance',
      });
    }
    if (mode !== undefined && config.bucketName !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['objectLockMode'],
        message: `cannot be set with bucketName=${config.bucketName}: the stack does not manage an existing bucket, so it cannot turn on its Object Lock; set that bucket's default retention yourself, or leave bucketName out`,
      });
    }
  })
  .transform(({ objectLockMode, objectLockDays, ...config }) => ({
    ...config,
    ...(objectLockMode !== undefined &&
      objectLockDays !== undefined && { objectLock: { mode: objectLockMode, days: objectLockDays } }),
    ...scheduleOf(config),
    allowedRecipientDomains:
      config.allowedRecipientDomains === undefined
        ? defaultRecipientDomains(config.recipients, config.sender)
        : parseDomainList(config.allowedRecipientDomains).domains,
  }))
  .readonly();

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/** The given schedule fires in the report's zone; the default one in UTC (see defaultSchedule). */
function scheduleOf(config: {
  readonly schedule?: string | undefined;
  readonly alignment: Alignment;
  readonly timezone: string;
  readonly closeSettleHours?: number | undefined;
}): { readonly schedule: string; readonly scheduleTimezone: string } {
  if (config.schedule !== undefined) return { schedule: config.schedule, scheduleTimezone: config.timezone };
  const fallback = defaultSchedule(config.alignment, config.timezone, config.closeSettleHours);
  return { schedule: fallback.expression, scheduleTimezone: fallback.timeZone };
}
