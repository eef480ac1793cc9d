// zod/mini: the link service's bundle carries this schema, and mini is a fraction of classic zod's size.
import * as z from 'zod/mini';

/*
 * summary.json: the report's figures in a form that outlives the run. Read
 * back for month-over-month comparison, possibly by a later version of this
 * tool, so every amount is kept exact as decimal text (bigints do not survive
 * JSON) next to a plain number for people and dashboards.
 */

const decimalText = z.string().check(z.regex(/^-?\d+(\.\d+)?$/, 'expected a decimal number as text'));
const integerText = z.string().check(z.regex(/^-?\d+$/, 'expected an integer as text'));
const count = z.int().check(z.nonnegative());
const share = z.number();

const acusAmount = z.object({
  /** Exact ACUs, e.g. "41.395". */
  exact: decimalText,
  /** The nearest double, for display only. */
  value: z.number(),
});

const costAmount = z.object({
  /** Exact ACUs × price in currency units, e.g. "93.13875". */
  exact: decimalText,
  /** Allocated minor units (cents), as on the workbook, e.g. "9314". */
  minor: integerText,
  /** `minor` in currency units as a number, e.g. 93.14. */
  value: z.number(),
});

const usageFields = { sessions: count, acus: acusAmount, cost: costAmount };
const usage = z.object(usageFields);

const userRow = z.object({
  userId: z.nullable(z.string()),
  userName: z.nullable(z.string()),
  email: z.nullable(z.string()),
  ...usageFields,
  shareOfOrg: share,
});

const orgRow = z.object({
  orgId: z.string(),
  orgName: z.nullable(z.string()),
  ...usageFields,
  shareOfAcus: share,
  users: z.array(userRow),
});

const nameSource = z.discriminatedUnion('available', [
  z.object({ available: z.literal(true) }),
  z.object({ available: z.literal(false), reason: z.string() }),
]);

export const summaryDocumentSchema = z.object({
  schemaVersion: z.literal(1),
  period: z.object({
    kind: z.enum(['month', 'range', 'cycle']),
    alignment: z._default(z.enum(['calendar', 'billing-day', 'billing-cycle']), 'calendar'),
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    timeZone: z.string(),
    firstDay: z.iso.date(),
    lastDay: z.iso.date(),
    label: z.string(),
    slug: z.string(),
  }),
  /** Absent in documents written before the billed basis existed, which all charged session ACUs. */
  costBasis: z._default(z.enum(['sessions', 'billed']), 'sessions'),
  pricing: z.object({
    unitPrice: decimalText,
    currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
    minorDigits: z.int().check(z.gte(0), z.lte(6)),
  }),
  totals: usage,
  /** The sessions that had not ended, and their ACUs and cost (absent in documents from before the settled rule). */
  unsettled: z.optional(usage),
  /** 'closed' when the run closed the period (absent in documents from before closes existed). */
  runStatus: z.optional(z.enum(['preliminary', 'closed'])),
  orgs: z.array(orgRow),
  tags: z.array(z.object({ tag: z.nullable(z.string()), ...usageFields })),
  statuses: z.array(z.object({ status: z.string(), ...usageFields })),
  /** Present when the report had a cost-centre map: read back for the previous period's By Cost Centre. */
  costCentres: z.optional(
    z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        ...usageFields,
        /** What the journal posts to it (usage + true-ups + shared products), minor units; absent before. */
        postedMinor: z.optional(z.string().check(z.regex(/^-?\d+$/))),
      }),
    ),
  ),
  /**
   * Present when the report had a cost-centre map: each org's usage per cost centre it was charged
   * to (By Org's rows), read back for the next period's month over month by org × cost centre.
   */
  orgCostCentres: z.optional(z.array(z.object({ orgId: z.string(), code: z.string(), ...usageFields }))),
  /** Present when the bill named the products of its no-org ACUs (v3). */
  unattributedByProduct: z.optional(z.array(z.object({ product: z.string(), acus: acusAmount }))),
  /**
   * The true-ups this close posted: per earlier period, each session's ACUs as posted (exact text),
   * so a later close compares with what was last posted, never posting one change twice.
   */
  trueUps: z.optional(
    z.array(
      z.object({
        period: z.string(),
        sessions: z.array(z.object({ sessionId: z.string(), acus: z.string() })),
      }),
    ),
  ),
  /** What the journal posts, in minor units as integer text; absent without a cost-centre map. */
  journal: z.optional(
    z.object({
      journalId: z.string(),
      draft: z.boolean(),
      lines: z.int().check(z.nonnegative()),
      debitMinor: z.string().check(z.regex(/^-?\d+$/)),
      creditMinor: z.string().check(z.regex(/^-?\d+$/)),
      usageMinor: z.string().check(z.regex(/^-?\d+$/)),
      trueUpMinor: z.string().check(z.regex(/^-?\d+$/)),
      sharedMinor: z.string().check(z.regex(/^-?\d+$/)),
      postedMinor: z.string().check(z.regex(/^-?\d+$/)),
      /** The shared-cost rule and the charges it shared, so a backfill rebuilds the same rows. */
      sharedCosts: z.optional(z.string()),
      sharedCharges: z.optional(
        z.array(
          z.object({
            product: z.string(),
            acus: z.string(),
            costMinor: z.string().check(z.regex(/^-?\d+$/)),
          }),
        ),
      ),
      /** The ERP journal-format files written beside the generic journal, by file name; absent: none. */
      formatFiles: z.optional(z.array(z.string())),
    }),
  ),
  names: z.object({ orgs: nameSource, users: nameSource }),
  run: z.object({
    runId: z.string(),
    generatedAt: z.iso.datetime(),
    generator: z.string(),
    apiHost: z.string(),
    source: z.enum(['api', 'demo']),
    filters: z.object({
      orgIds: z.array(z.string()),
      userIds: z.array(z.string()),
      tags: z.array(z.string()),
    }),
  }),
  stats: z.object({
    pages: count,
    reportedTotal: count,
    itemsReceived: count,
    duplicatesDropped: count,
    outsidePeriodDropped: count,
    nullAcus: count,
    reread: z.boolean(),
  }),
});

export type SummaryDocument = z.infer<typeof summaryDocumentSchema>;
export type SummaryUsage = z.infer<typeof usage>;
