import { z } from 'zod';
import { readSetting, type Setting } from '#config/setting.js';
import * as settings from '#config/settings.js';
import type { CreditAccounts } from '#core/cost-centres/credit-accounts.js';
import { InvalidInputError } from '#core/errors.js';
import { parsePricing } from '#core/money/parse-pricing.js';
import type { Pricing } from '#core/money/pricing.js';
import type { CostBasis } from '#core/report/cost-basis.js';
import type { SharedCostRule } from '#core/shared-costs/shared-cost-rule.js';
import { defaultRecipientDomains, parseDomainList } from '#email/recipient-domains.js';
import { parseEnvironment } from '#environment/parse-environment.js';
import { type FocusOptions, focusOptionsFromEnv } from '#focus/focus-options.js';
import type { JournalFormat } from '#journal-formats/journal-format.js';
import { MAX_LINK_LIFETIME_SECONDS } from '#links/token/link-token.js';

/** The function's configuration, read from its environment once per container. */
export interface LambdaConfig {
  readonly bucket: string;
  /** Always ends with '/' (or is empty). */
  readonly prefix: string;
  readonly sender: string;
  readonly recipients: readonly string[];
  /** EMAIL_REPLY_TO: where owners' replies go; default the first recipient (finance). */
  readonly replyTo: string;
  /** Every address a manual event names must be in one of these (lower-case) domains. */
  readonly allowedRecipientDomains: readonly string[];
  readonly timeZone: string;
  readonly pricing: Pricing;
  readonly apiKeySecretId: string;
  readonly devinApiUrl: string | undefined;
  /** DEVIN_API_VERSION; undefined: the key decides. */
  readonly devinApiVersion: 'v2' | 'v3' | undefined;
  readonly linkTtlSeconds: number;
  /**
   * The durable-link service: set when both LINK_BASE_URL and LINK_SIGNING_SECRET are.
   * Without it the email carries a presigned S3 link, as before.
   */
  readonly durableLinks: DurableLinkConfig | undefined;
  /** The alarm topic the deployment check asks about (ALARM_TOPIC_ARN); set by the stack. */
  readonly alarmTopicArn: string | undefined;
  /** Where alarms are emailed (ALARM_EMAIL); absent when the stack's alarmEmail is "none". */
  readonly alarmEmail: string | undefined;
  /** Attach the workbook when it is at most this big; 0 never attaches. */
  readonly attachMaxBytes: number;
  /** How the scheduled run's month is aligned: calendar days, the vendor's billing days, or its cycles. */
  readonly alignment: 'calendar' | 'billing-day' | 'billing-cycle';
  readonly costBasis: CostBasis;
  /** FOCUS_CSV, FOCUS_BILLING_ACCOUNT_ID, FOCUS_BILLING_ACCOUNT_NAME. */
  readonly focus: FocusOptions;
  /** The cost-centre map object; no object, no cost centres. */
  readonly costCentresKey: string;
  /** JOURNAL_FORMATS: the ERP journal formats written beside the generic journal; empty: generic only. */
  readonly journalFormats: readonly JournalFormat[];
  /** ERP_MAPPING_KEY: erp-mapping.csv, the codes those formats need; default beside the cost-centre map. */
  readonly erpMappingKey: string;
  /** CREDIT_ACCOUNT: where the journal's credit lines post, per legal entity when given so. */
  readonly creditAccounts: CreditAccounts;
  /** SHARED_COSTS: how non-session products are charged back (proportional, even, to:<code>, none). */
  readonly sharedCosts: SharedCostRule;
  /** TRUE_UP_MONTHS: closed periods a close re-reads for true-ups (default 3; 0: none). */
  readonly trueUpMonths: number;
  /** CLOSE_SETTLE_HOURS: hours after the period's last billing day ends before it may close (default 4). */
  readonly closeSettleHours: number;
  /** HEARTBEAT_HOURS: hours after a period may close before its missing close alarms (default 24). */
  readonly heartbeatHours: number;
  /** Email each budget owner their slice after finance's email. */
  readonly showback: boolean;
  /** MAX_SESSION_ROWS: session rows the workbook lists at most; totals and exports keep every session. */
  readonly maxSessionRows: number;
  /** STATE_MACHINE_ARN: where a period too big for one invocation is handed; unset, such a period fails early, saying so. */
  readonly stateMachineArn: string | undefined;
  /** SESSIONS_PER_INVOCATION: a measured capacity replacing the planner's estimate. */
  readonly sessionsPerInvocation: number | undefined;
}

export interface DurableLinkConfig {
  /** The link service's Function URL; always ends with '/'. */
  readonly baseUrl: string;
  /** Secrets Manager id of the link signing keys. */
  readonly signingSecretId: string;
}

/** SigV4 presigned URLs cannot outlive 7 days. */
export const MAX_LINK_TTL_SECONDS = 7 * 24 * 3600;
/** A signed link to the link service: a month by default, a year (and a day) at most. */
export const DEFAULT_DURABLE_LINK_TTL_SECONDS = 30 * 24 * 3600;
/** The link service refuses any longer at verification too. */
export const MAX_DURABLE_LINK_TTL_SECONDS = MAX_LINK_LIFETIME_SECONDS;
export { MAX_ATTACH_BYTES, MAX_HEARTBEAT_HOURS } from '#config/settings.js';

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
  EMAIL_REPLY_TO: z.email().optional(),
  ALLOWED_RECIPIENT_DOMAINS: z.string().trim().optional(),
  DEVIN_API_KEY_SECRET: required('DEVIN_API_KEY_SECRET'),
  DEVIN_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  LINK_TTL_SECONDS: wholeNumber(60, MAX_DURABLE_LINK_TTL_SECONDS).optional(),
  LINK_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  LINK_SIGNING_SECRET: z.string().trim().min(1).optional(),
  COST_CENTRES_KEY: z.string().trim().optional(),
  ERP_MAPPING_KEY: z.string().trim().optional(),
  STATE_MACHINE_ARN: z
    .string()
    .trim()
    .regex(/^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:stateMachine:[A-Za-z0-9_-]+$/, {
      error: 'expected a Step Functions state machine ARN',
    })
    .optional(),
  ALARM_TOPIC_ARN: z
    .string()
    .trim()
    .regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_.-]+$/, { error: 'expected an SNS topic ARN' })
    .optional(),
  ALARM_EMAIL: z.email().optional(),
});

/** The variables the function reads, its own above and the shared settings' (functions/config). */
export const LAMBDA_ENV_VARS: readonly string[] = [
  ...Object.keys(environment.shape),
  ...settings.SETTINGS.flatMap((setting) => setting.lambdaEnv ?? []),
];

/** Fails fast, naming the variable and its value (never a secret: the key itself is not in the environment). */
export function lambdaConfigFromEnv(env: Record<string, string | undefined>): LambdaConfig {
  const e = parseEnvironment(environment, env);
  // The settings the stack, this function and the CLI share: one schema each (functions/config).
  const read = <T>(setting: Setting<T> & { readonly lambdaEnv: string }): T =>
    readSetting(setting, env[setting.lambdaEnv], setting.lambdaEnv);
  const timeZone = read(settings.timezone);
  const price = read(settings.acuPrice);
  if (price === undefined)
    throw new InvalidInputError('ACU_PRICE', env.ACU_PRICE, settings.ACU_PRICE_REQUIRED);
  const pricing = parsePricing(price, read(settings.currency));
  const durableLinks = durableLinkConfig(e.LINK_BASE_URL, e.LINK_SIGNING_SECRET, env);
  const linkTtlSeconds =
    e.LINK_TTL_SECONDS ?? (durableLinks ? DEFAULT_DURABLE_LINK_TTL_SECONDS : MAX_LINK_TTL_SECONDS);
  if (!durableLinks && linkTtlSeconds > MAX_LINK_TTL_SECONDS) {
    throw new InvalidInputError(
      'LINK_TTL_SECONDS',
      env.LINK_TTL_SECONDS,
      `is invalid: a presigned link lives at most ${MAX_LINK_TTL_SECONDS} seconds (7 days); longer needs LINK_BASE_URL and LINK_SIGNING_SECRET`,
    );
  }
  const allowedRecipientDomains = recipientDomainsFrom(
    e.ALLOWED_RECIPIENT_DOMAINS,
    e.EMAIL_RECIPIENTS,
    e.EMAIL_SENDER,
  );
  const prefix =
    e.REPORT_PREFIX === '' || e.REPORT_PREFIX.endsWith('/') ? e.REPORT_PREFIX : `${e.REPORT_PREFIX}/`;
  const costCentresKey = e.COST_CENTRES_KEY || `${prefix}config/cost-centres.csv`;
  return {
    bucket: e.REPORT_BUCKET,
    prefix,
    sender: e.EMAIL_SENDER,
    recipients: e.EMAIL_RECIPIENTS,
    replyTo: e.EMAIL_REPLY_TO ?? e.EMAIL_RECIPIENTS[0] ?? e.EMAIL_SENDER,
    allowedRecipientDomains,
    timeZone,
    pricing,
    apiKeySecretId: e.DEVIN_API_KEY_SECRET,
    devinApiUrl: e.DEVIN_API_URL,
    devinApiVersion: read(settings.devinApiVersion),
    linkTtlSeconds,
    durableLinks,
    alarmTopicArn: e.ALARM_TOPIC_ARN,
    alarmEmail: e.ALARM_EMAIL,
    attachMaxBytes: read(settings.attachMaxBytes),
    alignment: read(settings.alignment),
    costBasis: read(settings.costBasis),
    focus: focusOptionsFromEnv(env),
    costCentresKey,
    journalFormats: read(settings.journalFormats),
    erpMappingKey:
      e.ERP_MAPPING_KEY || `${costCentresKey.slice(0, costCentresKey.lastIndexOf('/') + 1)}erp-mapping.csv`,
    creditAccounts: read(settings.creditAccount),
    sharedCosts: read(settings.sharedCosts),
    trueUpMonths: read(settings.trueUpMonths),
    closeSettleHours: read(settings.closeSettleHours),
    heartbeatHours: read(settings.heartbeatHours),
    showback: read(settings.showback),
    maxSessionRows: read(settings.maxSessionRows),
    stateMachineArn: e.STATE_MACHINE_ARN,
    sessionsPerInvocation: read(settings.sessionsPerInvocation),
  };
}

/** Both or neither: one without the other is a half-wired stack, refused rather than silently presigned. */
function durableLinkConfig(
  baseUrl: string | undefined,
  signingSecretId: string | undefined,
  env: Record<string, string | undefined>,
): DurableLinkConfig | undefined {
  if (baseUrl === undefined && signingSecretId === undefined) return undefined;
  if (baseUrl === undefined) {
    throw new InvalidInputError(
      'LINK_BASE_URL',
      env.LINK_BASE_URL,
      'is required when LINK_SIGNING_SECRET is set',
    );
  }
  if (signingSecretId === undefined) {
    throw new InvalidInputError(
      'LINK_SIGNING_SECRET',
      env.LINK_SIGNING_SECRET,
      'is required when LINK_BASE_URL is set',
    );
  }
  return { baseUrl: baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`, signingSecretId };
}

/** ALLOWED_RECIPIENT_DOMAINS, or (unset or blank) the domains of the recipients and the sender. */
function recipientDomainsFrom(
  text: string | undefined,
  recipients: readonly string[],
  sender: string,
): string[] {
  if (text === undefined || text === '') return defaultRecipientDomains(recipients, sender);
  const { domains, invalid } = parseDomainList(text);
  if (invalid !== undefined) {
    throw new InvalidInputError(
      'ALLOWED_RECIPIENT_DOMAINS',
      invalid,
      'is not a domain name such as example.com',
    );
  }
  return domains;
}
