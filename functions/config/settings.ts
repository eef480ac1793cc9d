import { DEFAULT_HEARTBEAT_HOURS } from '#close/close-overdue.js';
import { DEFAULT_CLOSE_SETTLE_HOURS, parseCloseSettleHours } from '#close/close-settle-hours.js';
import { parseCreditAccounts } from '#core/cost-centres/credit-accounts.js';
import { InvalidInputError } from '#core/errors.js';
import { parsePricing } from '#core/money/parse-pricing.js';
import { resolveTimeZone } from '#core/period/time-zone.js';
import { COST_BASES, type CostBasis } from '#core/report/cost-basis.js';
import { DEFAULT_MAX_SESSION_ROWS, parseMaxSessionRows } from '#core/report/session-row-limit.js';
import { parseSharedCostRule } from '#core/shared-costs/shared-cost-rule.js';
import type { ApiVersion } from '#devin/client/api-version.js';
import { parseJournalFormats } from '#journal-formats/journal-format.js';
import { DEFAULT_TRUE_UP_MONTHS, parseTrueUpMonths } from '#true-ups/true-up-months.js';
import { blank, parsedBy, type Setting } from './setting.js';
import { wholeNumberIn } from './whole-number.js';

/** SES v1 caps a message at 10 MB and base64 grows a file by a third: 7 MB keeps room for the bodies. */
export const MAX_ATTACH_BYTES = 7_000_000;
/** A month: a heartbeat later than that would miss the next month's close too. */
export const MAX_HEARTBEAT_HOURS = 744;
export const ALIGNMENTS = ['calendar', 'billing-day', 'billing-cycle'] as const;
export type Alignment = (typeof ALIGNMENTS)[number];

const refuse = (text: string | undefined, problem: string): never => {
  throw new InvalidInputError('value', text, problem);
};
const oneOf = <T extends string>(choices: readonly T[], text: string, problem: string): T => {
  const value = text.trim();
  return (choices as readonly string[]).includes(value) ? (value as T) : refuse(text, problem);
};

export const timezone = {
  name: 'timezone',
  context: 'timezone',
  lambdaEnv: 'REPORT_TIMEZONE',
  cliFlag: '--timezone',
  cliEnv: 'REPORT_TIMEZONE',
  defaultText: 'UTC',
  description: 'IANA zone the report’s dates (and a given schedule) are read in.',
  schema: parsedBy((text) => {
    if (blank(text)) return 'UTC';
    const zone = (text as string).trim();
    // Intl also takes forms such as "+01:00"; Scheduler and the docs want a zone name.
    const problem = 'is not an IANA time zone name such as UTC or Europe/Berlin';
    if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) refuse(text, problem);
    try {
      return resolveTimeZone(zone);
    } catch {
      return refuse(text, problem);
    }
  }),
} satisfies Setting<string>;

/** What the stack and the function say when a deployment names no ACU price. */
export const ACU_PRICE_REQUIRED = "is required: your contract's price per ACU as a decimal, e.g. 2.25";

export const acuPrice = {
  name: 'acuPrice',
  context: 'acuPrice',
  lambdaEnv: 'ACU_PRICE',
  cliFlag: '--acu-price',
  cliEnv: 'ACU_PRICE',
  // No default: a list price would silently misprice every contract that forgot to set its own.
  defaultText: 'none: required (the demo uses its sample price)',
  requiredToDeploy: true,
  description: 'Your contract’s price of one ACU, as decimal text (at most 6 decimals).',
  schema: parsedBy((text) => (blank(text) ? undefined : parsePricing(text as string, 'USD').unitPriceText)),
} satisfies Setting<string | undefined>;

export const currency = {
  name: 'currency',
  context: 'currency',
  lambdaEnv: 'CURRENCY',
  cliFlag: '--currency',
  cliEnv: 'CURRENCY',
  defaultText: 'USD',
  description: 'ISO 4217 code of the ACU price and of every amount in the report.',
  schema: parsedBy((text) => (blank(text) ? 'USD' : parsePricing('1', text as string).currency)),
} satisfies Setting<string>;

export const alignment = {
  name: 'alignment',
  context: 'alignment',
  lambdaEnv: 'REPORT_ALIGNMENT',
  defaultText: 'calendar',
  description:
    'What a scheduled month is: calendar days, the vendor’s billing days (08:00 UTC) or its cycles.',
  schema: parsedBy((text) =>
    blank(text)
      ? 'calendar'
      : oneOf(
          ALIGNMENTS,
          text as string,
          'must be calendar, billing-day (08:00 UTC days, as the vendor bills) or billing-cycle',
        ),
  ),
} satisfies Setting<Alignment>;

export const costBasis = {
  name: 'costBasis',
  context: 'costBasis',
  lambdaEnv: 'COST_BASIS',
  cliFlag: '--cost-basis',
  cliEnv: 'COST_BASIS',
  defaultText: 'sessions',
  description: 'Lifetime ACUs of the sessions created in the period, or the ACUs the vendor billed in it.',
  schema: parsedBy((text) =>
    blank(text)
      ? 'sessions'
      : oneOf(
          COST_BASES,
          text as string,
          'must be sessions (lifetime ACUs by creation date) or billed (the vendor’s consumption)',
        ),
  ),
} satisfies Setting<CostBasis>;

export const creditAccount = {
  name: 'creditAccount',
  context: 'creditAccount',
  lambdaEnv: 'CREDIT_ACCOUNT',
  cliFlag: '--credit-account',
  cliEnv: 'CREDIT_ACCOUNT',
  defaultText: 'none',
  description: 'The journal’s credit account: `2100`, or `US01=2100;UK01=2150` per legal entity.',
  schema: parsedBy((text) => parseCreditAccounts(text, 'value')),
} satisfies Setting<ReturnType<typeof parseCreditAccounts>>;

export const sharedCosts = {
  name: 'sharedCosts',
  context: 'sharedCosts',
  lambdaEnv: 'SHARED_COSTS',
  cliFlag: '--shared-costs',
  cliEnv: 'SHARED_COSTS',
  defaultText: 'proportional',
  description:
    'How non-session products are charged back: `proportional`, `even`, `to:<cost centre>` or `none`.',
  schema: parsedBy((text) => parseSharedCostRule(text, 'value')),
} satisfies Setting<ReturnType<typeof parseSharedCostRule>>;

export const trueUpMonths = {
  name: 'trueUpMonths',
  context: 'trueUpMonths',
  lambdaEnv: 'TRUE_UP_MONTHS',
  cliFlag: '--true-up-months',
  cliEnv: 'TRUE_UP_MONTHS',
  defaultText: String(DEFAULT_TRUE_UP_MONTHS),
  description: 'Closed periods a close re-reads for true-ups; 0 posts none.',
  schema: parsedBy((text) => parseTrueUpMonths(text, 'value')),
} satisfies Setting<number>;

export const closeSettleHours = {
  name: 'closeSettleHours',
  context: 'closeSettleHours',
  lambdaEnv: 'CLOSE_SETTLE_HOURS',
  cliFlag: '--settle-hours',
  cliEnv: 'CLOSE_SETTLE_HOURS',
  defaultText: String(DEFAULT_CLOSE_SETTLE_HOURS),
  description: 'Hours after a period’s last billing day ends before it may close.',
  schema: parsedBy((text) => parseCloseSettleHours(text, 'value')),
} satisfies Setting<number>;

export const journalFormats = {
  name: 'journalFormats',
  context: 'journalFormats',
  lambdaEnv: 'JOURNAL_FORMATS',
  cliFlag: '--journal-format',
  cliEnv: 'JOURNAL_FORMATS',
  defaultText: 'generic',
  description: 'ERP journal formats written beside the generic journal (comma-separated).',
  schema: parsedBy((text) => parseJournalFormats(text === undefined ? [] : [text], 'value')),
} satisfies Setting<ReturnType<typeof parseJournalFormats>>;

export const showback = {
  name: 'showback',
  context: 'showback',
  lambdaEnv: 'SHOWBACK',
  cliFlag: '--showback',
  cliEnv: 'SHOWBACK',
  defaultText: 'false',
  description: 'Email (the CLI: preview) each budget owner their cost centres’ slice after finance’s email.',
  schema: parsedBy((text) => {
    if (blank(text)) return false;
    const value = (text as string).trim().toLowerCase();
    return value === 'true' ? true : value === 'false' ? false : refuse(text, 'must be true or false');
  }),
} satisfies Setting<boolean>;

export const maxSessionRows = {
  name: 'maxSessionRows',
  context: 'maxSessionRows',
  lambdaEnv: 'MAX_SESSION_ROWS',
  cliFlag: '--max-session-rows',
  cliEnv: 'MAX_SESSION_ROWS',
  defaultText: DEFAULT_MAX_SESSION_ROWS.toLocaleString('en-US'),
  description: 'Session rows the workbook lists at most; totals and the exports keep every session.',
  schema: parsedBy((text) => parseMaxSessionRows('value', blank(text) ? undefined : text)),
} satisfies Setting<number>;

export const devinApiVersion = {
  name: 'devinApiVersion',
  context: 'devinApiVersion',
  lambdaEnv: 'DEVIN_API_VERSION',
  cliFlag: '--api-version',
  cliEnv: 'DEVIN_API_VERSION',
  defaultText: 'the key decides (cog_ → v3)',
  description: 'Which Devin API to read, v2 or v3, over what the key implies.',
  schema: parsedBy((text) =>
    blank(text)
      ? undefined
      : oneOf(
          ['v2', 'v3'] as const,
          text as string,
          'must be v2 or v3 (or left out: the key decides, cog_ → v3)',
        ),
  ),
} satisfies Setting<ApiVersion | undefined>;

export const heartbeatHours = {
  name: 'heartbeatHours',
  context: 'heartbeatHours',
  lambdaEnv: 'HEARTBEAT_HOURS',
  defaultText: String(DEFAULT_HEARTBEAT_HOURS),
  description: 'Hours after a period may close before a missing close record alarms.',
  schema: parsedBy((text) =>
    blank(text)
      ? DEFAULT_HEARTBEAT_HOURS
      : wholeNumberIn(
          text as string,
          1,
          MAX_HEARTBEAT_HOURS,
          `must be a whole number of hours from 1 to ${MAX_HEARTBEAT_HOURS}`,
        ),
  ),
} satisfies Setting<number>;

export const attachMaxBytes = {
  name: 'attachMaxBytes',
  context: 'attachMaxBytes',
  lambdaEnv: 'ATTACH_MAX_BYTES',
  defaultText: '0',
  description: 'Attach the workbook when it is at most this many bytes; 0 never attaches (link only).',
  schema: parsedBy((text) =>
    blank(text)
      ? 0
      : wholeNumberIn(
          text as string,
          0,
          MAX_ATTACH_BYTES,
          `must be a whole number from 0 to ${MAX_ATTACH_BYTES} (largest workbook to attach; 0 never attaches)`,
        ),
  ),
} satisfies Setting<number>;

export const sessionsPerInvocation = {
  name: 'sessionsPerInvocation',
  context: 'sessionsPerInvocation',
  lambdaEnv: 'SESSIONS_PER_INVOCATION',
  defaultText: 'estimated',
  description: 'A measured capacity of one invocation, in sessions, replacing the planner’s estimate.',
  schema: parsedBy((text) => {
    if (blank(text)) return undefined;
    const value = (text as string).trim();
    return /^[1-9]\d{0,8}$/.test(value)
      ? Number(value)
      : refuse(text, 'must be a whole number of sessions ≥ 1');
  }),
} satisfies Setting<number | undefined>;

/** Every setting that more than one of CDK context, the function's environment and the CLI name. */
export const SETTINGS: readonly Setting<unknown>[] = [
  acuPrice,
  currency,
  timezone,
  alignment,
  costBasis,
  creditAccount,
  sharedCosts,
  trueUpMonths,
  closeSettleHours,
  journalFormats,
  showback,
  maxSessionRows,
  devinApiVersion,
  heartbeatHours,
  attachMaxBytes,
  sessionsPerInvocation,
];
