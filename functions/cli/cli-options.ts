import { parseArgs } from 'node:util';
import { readSetting, type Setting } from '#config/setting.js';
import * as settings from '#config/settings.js';
import { InvalidInputError } from '#core/errors.js';
import type { CostBasis } from '#core/report/cost-basis.js';
import { MAX_SESSION_ROWS_LIMIT } from '#core/report/session-row-limit.js';
import type { ApiVersion } from '#devin/client/api-version.js';
import type { JournalFormat } from '#journal-formats/journal-format.js';
import type { PeriodChoice } from '#pipeline/period-choice.js';

export interface CliOptions {
  readonly period: PeriodChoice;
  readonly costBasis: CostBasis;
  readonly timeZone: string;
  readonly outDir: string;
  readonly acuPrice?: string;
  readonly currency?: string;
  readonly orgIds: readonly string[];
  readonly userIds: readonly string[];
  readonly tags: readonly string[];
  readonly concurrency?: number;
  /** `--api-version` or DEVIN_API_VERSION; absent: the key decides (cog_ → v3), and the demo uses v3. */
  readonly apiVersion?: ApiVersion;
  readonly json: boolean;
  /** Close the period: write its record once (`<base>.close.json`); without it the run is preliminary. */
  readonly close: boolean;
  readonly help: boolean;
  /** `--check-access`: call each endpoint once with the key and print what it may read; no report. */
  readonly checkAccess: boolean;
  /** The cost-centre map CSV; the demo uses its own sample map when absent. */
  readonly costCentresFile?: string;
  /** CREDIT_ACCOUNT: `2100` or `US01=2100;UK01=2150`. */
  readonly creditAccount?: string;
  /** `--shared-costs` or SHARED_COSTS: proportional (default), even, to:<cost centre>, none. */
  readonly sharedCosts?: string;
  /** `--true-up-months` or TRUE_UP_MONTHS: closed periods a close re-reads for true-ups (default 3). */
  readonly trueUpMonths: number;
  /** `--settle-hours` or CLOSE_SETTLE_HOURS: hours after the last billing day before a close may run (default 4). */
  readonly closeSettleHours: number;
  /** Write a showback email preview (and slice workbook) per budget owner; undefined: the mode's default. */
  readonly showback?: boolean;
  /** `--max-session-rows` or MAX_SESSION_ROWS: session rows the workbook lists at most. */
  readonly maxSessionRows: number;
  /** `--journal-format` (repeatable) or JOURNAL_FORMATS: the ERP formats beside the generic journal; empty: generic only. */
  readonly journalFormats: readonly JournalFormat[];
  /** `--erp-mapping` or ERP_MAPPING_FILE; absent: erp-mapping.csv beside the cost-centre map. */
  readonly erpMappingFile?: string;
}

export const USAGE = `Usage: npm run report -- [options]       (the demo: npm start -- [options])

Builds the Devin ACU chargeback workbook and an email preview into a folder.
Without --month or --from/--to it reports the previous full calendar month.

Options
  --month YYYY-MM          one calendar month
  --from YYYY-MM-DD        first day of a range (inclusive; needs --to)
  --to YYYY-MM-DD          last day of a range (inclusive)
  --timezone ZONE          IANA zone the dates are read in (default: $REPORT_TIMEZONE or UTC)
  --billing-day            align the month with the vendor's billing days (08:00 UTC), as its dashboard does
  --cycle START|latest     one vendor billing cycle, by its start day (YYYY-MM-DD), or the latest ended one
  --cost-basis BASIS       'sessions' (default: lifetime ACUs of the sessions created in the period)
                           or 'billed' (ACUs the vendor billed in the period, ties out to the invoice)
                           (default: $COST_BASIS or sessions)
  --out DIR                output folder (default: reports/)
  --acu-price PRICE        price of one ACU (default: $ACU_PRICE; required for the real API)
  --currency CODE          ISO 4217 code (default: $CURRENCY or USD)
  --org ID, --user ID, --tag TAG
                           only these orgs / users / tags (repeatable)
  --concurrency N          parallel page requests (default 4)
  --api-version v2|v3      which Devin API to use (default: $DEVIN_API_VERSION, else the key decides:
                           cog_ → v3, apk_user_/apk_ → v2; the demo serves both and uses v3)
  --cost-centres FILE      the cost-centre map CSV (default: $COST_CENTRES_FILE; the demo ships a sample)
  --credit-account ACCT    account the journal's credit lines post to, or ENTITY=ACCT;… per legal
                           entity (default: $CREDIT_ACCOUNT)
  --shared-costs RULE      how the bill's non-session products (Cascade, Terminal, Review) are charged
                           back: proportional (default, by usage cost), even, to:<cost centre>, or none
                           (default: $SHARED_COSTS)
  --journal-format NAME    also write the journal for an ERP to import as is (repeatable): netsuite,
                           netsuite-intercompany, sap-s4, oracle-fbdi, xero, quickbooks-online;
                           generic (today's file) is
                           always written (default: $JOURNAL_FORMATS, comma-separated)
  --erp-mapping FILE       the codes those formats need (default: $ERP_MAPPING_FILE, else
                           erp-mapping.csv beside the cost-centre map; the demo ships a sample)
  --true-up-months N       closing re-reads the N periods before it that were closed and posts what
                           their sessions used since as true-ups (default: $TRUE_UP_MONTHS or 3; 0: none)
  --settle-hours H         a close waits H hours after the period's last billing day ends (08:00 UTC)
                           so the vendor's bill is final (default: $CLOSE_SETTLE_HOURS or 4)
  --showback               also write each budget owner's email preview and slice workbook
                           (default: $SHOWBACK, on for the demo)
  --max-session-rows N     list at most N sessions on the Sessions and Session Tags sheets
                           (default: $MAX_SESSION_ROWS or 1,000,000; at most ${MAX_SESSION_ROWS_LIMIT.toLocaleString('en-US')},
                           under Excel's row limit); totals, the FOCUS dataset and the raw export keep every session
  --check-access           call each Devin endpoint the report reads once with the key and print
                           ok/refused/missing per endpoint with the permission it needs, and the
                           key's expiry; builds no report (exit 0 when sessions can be read)
  --close                  close the period: its files become the record, with <base>.close.json;
                           closing a closed period changes nothing (without --close a run is preliminary)
  --json                   print one JSON object on stdout instead of the table
  --help                   this text

Environment
  DEVIN_API_KEY            a v3 service user's key (cog_…) or, for v2, an Enterprise Admin's
                           personal API key (apk_user_…); never printed
  DEVIN_API_VERSION        v2 or v3, to override what the key implies
  DEVIN_API_URL            API host of a dedicated deployment (default https://api.devin.ai)
  DEVIN_API_KEY_EXPIRES_AT when the key expires (YYYY-MM-DD): from 35 days before, runs warn
`;

/** Parses the command line; unknown flags and malformed values name themselves. */
export function parseCliOptions(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): CliOptions {
  let parsed: ReturnType<typeof parseWith>;
  try {
    parsed = parseWith(argv);
  } catch (error) {
    throw new InvalidInputError(
      'arguments',
      argv.join(' '),
      error instanceof Error ? error.message : String(error),
    );
  }
  const v = parsed.values;
  const concurrency = v.concurrency === undefined ? undefined : Number(v.concurrency);
  if (
    concurrency !== undefined &&
    !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 16)
  ) {
    throw new InvalidInputError('--concurrency', v.concurrency, 'must be a whole number from 1 to 16');
  }
  const read = <T>(setting: SharedSetting<T>, flag: string | undefined): T =>
    fromFlagOrEnv(setting, flag, env);
  const costBasis = read(settings.costBasis, v['cost-basis']);
  const apiVersion = read(settings.devinApiVersion, v['api-version']);
  return {
    period: periodChoice(v),
    costBasis,
    timeZone: read(settings.timezone, v.timezone),
    outDir: v.out ?? 'reports',
    ...pricingOptions(v, env),
    orgIds: v.org ?? [],
    userIds: v.user ?? [],
    tags: v.tag ?? [],
    ...(concurrency !== undefined && { concurrency }),
    ...(apiVersion !== undefined && { apiVersion }),
    maxSessionRows: read(settings.maxSessionRows, v['max-session-rows']),
    trueUpMonths: read(settings.trueUpMonths, v['true-up-months']),
    closeSettleHours: read(settings.closeSettleHours, v['settle-hours']),
    json: v.json ?? false,
    close: closeOption(v),
    help: v.help ?? false,
    checkAccess: v['check-access'] ?? false,
    ...costCentreOptions(v, env),
    journalFormats: read(settings.journalFormats, v['journal-format']?.join(',')),
    ...((v['erp-mapping'] ?? env.ERP_MAPPING_FILE) && {
      erpMappingFile: v['erp-mapping'] ?? env.ERP_MAPPING_FILE,
    }),
  };
}

/** Checked here, so that a typo is a usage error (exit 2); passed on as given, when given. */
function pricingOptions(
  v: ReturnType<typeof parseWith>['values'],
  env: Record<string, string | undefined>,
): Pick<CliOptions, 'acuPrice' | 'currency'> {
  const acuPrice = fromFlagOrEnv(settings.acuPrice, v['acu-price'], env);
  fromFlagOrEnv(settings.currency, v.currency, env);
  const currency = v.currency ?? env.CURRENCY;
  return {
    ...(acuPrice !== undefined && { acuPrice }),
    ...(currency !== undefined && currency.trim() !== '' && { currency }),
  };
}

/** A close records the whole period: a filtered slice cannot be one. */
function closeOption(v: ReturnType<typeof parseWith>['values']): boolean {
  if (v.close !== true) return false;
  for (const flag of ['org', 'user', 'tag'] as const) {
    if ((v[flag]?.length ?? 0) > 0) {
      throw new InvalidInputError(
        `--${flag}`,
        v[flag]?.join(','),
        'cannot be combined with --close: a close records the whole period, a filtered run only a slice of it',
      );
    }
  }
  return true;
}

function costCentreOptions(
  v: ReturnType<typeof parseWith>['values'],
  env: Record<string, string | undefined>,
): Pick<CliOptions, 'costCentresFile' | 'creditAccount' | 'showback' | 'sharedCosts'> {
  const file = v['cost-centres'] ?? env.COST_CENTRES_FILE;
  const creditAccount = v['credit-account'] ?? env.CREDIT_ACCOUNT;
  const sharedCosts = v['shared-costs'] ?? env.SHARED_COSTS;
  // Checked here so a typo is a usage error (exit 2), before anything is read; passed on as written.
  fromFlagOrEnv(settings.creditAccount, v['credit-account'], env);
  fromFlagOrEnv(settings.sharedCosts, v['shared-costs'], env);
  // Unset (or blank) SHOWBACK leaves the mode's default: on for the demo.
  const showback =
    v.showback ??
    (env.SHOWBACK === undefined || env.SHOWBACK.trim() === ''
      ? undefined
      : readSetting(settings.showback, env.SHOWBACK, settings.showback.cliEnv));
  return {
    ...(file !== undefined && file !== '' && { costCentresFile: file }),
    ...(creditAccount !== undefined && { creditAccount }),
    ...(sharedCosts !== undefined && { sharedCosts }),
    ...(showback !== undefined && { showback }),
  };
}

type SharedSetting<T> = Setting<T> & { readonly cliFlag: string; readonly cliEnv: string };

/**
 * A setting the stack and the function share (functions/config): its flag when given, else its
 * variable, read by the one schema and named in a refusal. A blank variable is an unset one; a
 * flag given blank is a slip, and refused.
 */
function fromFlagOrEnv<T>(
  setting: SharedSetting<T>,
  flag: string | undefined,
  env: Record<string, string | undefined>,
): T {
  if (flag === undefined) return readSetting(setting, env[setting.cliEnv], setting.cliEnv);
  if (flag.trim() === '') {
    throw new InvalidInputError(
      setting.cliFlag,
      flag,
      `needs a value; leave the flag out for the default (${setting.defaultText})`,
    );
  }
  return readSetting(setting, flag, setting.cliFlag);
}

function periodChoice(v: ReturnType<typeof parseWith>['values']): PeriodChoice {
  if (v.cycle !== undefined) {
    for (const [flag, given] of [
      ['--month', v.month],
      ['--from', v.from],
      ['--to', v.to],
      ['--billing-day', v['billing-day']],
    ] as const) {
      if (given !== undefined) throw new InvalidInputError(flag, given, 'cannot be combined with --cycle');
    }
    return { alignment: 'billing-cycle', ...(v.cycle !== 'latest' && { cycle: v.cycle }) };
  }
  return {
    alignment: v['billing-day'] ? 'billing-day' : 'calendar',
    month: v.month,
    from: v.from,
    to: v.to,
  };
}

function parseWith(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      month: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      timezone: { type: 'string' },
      'billing-day': { type: 'boolean' },
      cycle: { type: 'string' },
      'cost-basis': { type: 'string' },
      out: { type: 'string' },
      'acu-price': { type: 'string' },
      currency: { type: 'string' },
      org: { type: 'string', multiple: true },
      user: { type: 'string', multiple: true },
      tag: { type: 'string', multiple: true },
      concurrency: { type: 'string' },
      'api-version': { type: 'string' },
      'cost-centres': { type: 'string' },
      'credit-account': { type: 'string' },
      'journal-format': { type: 'string', multiple: true },
      'erp-mapping': { type: 'string' },
      'shared-costs': { type: 'string' },
      'true-up-months': { type: 'string' },
      'settle-hours': { type: 'string' },
      showback: { type: 'boolean' },
      'max-session-rows': { type: 'string' },
      json: { type: 'boolean' },
      'check-access': { type: 'boolean' },
      close: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
