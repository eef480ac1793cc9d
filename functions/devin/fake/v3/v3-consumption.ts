import type { Acus } from '#core/money/acus.js';
import {
  billingDayName,
  billingDayNumber,
  billingDayNumberStartMs,
  billingDayStartMs,
} from '../billing-day.js';
import type { ConsumptionLedger, LedgerEntry } from '../consumption-ledger.js';
import { acusToWire } from '../consumption-ledger.js';
import { splitNonSession } from './non-session-products.js';

/** Whose consumption a v3 daily endpoint reports. */
export type ConsumptionScope =
  | { readonly kind: 'enterprise' }
  | { readonly kind: 'organization'; readonly id: string }
  | { readonly kind: 'user'; readonly id: string }
  | { readonly kind: 'service-user'; readonly id: string }
  | { readonly kind: 'session'; readonly id: string };

export interface WireDailyConsumptionV3 {
  total_acus: number;
  consumption_by_date: {
    /** Unix seconds of the billing day's start (08:00 UTC); what `date` stands for is undocumented. */
    date: number;
    acus: number;
    acus_by_product: { devin: number; cascade: number; terminal: number; review?: number };
  }[];
}

/**
 * How `acus_by_product` splits a day, each a way the vendor's pages allow: every product the fake
 * bills (`review` included, as the org-scoped pages and the SDK show it,
 * https://docs.devin.ai/zh/api-reference/v3/consumption/organizations-consumption-daily-users), or
 * only the three the enterprise page lists (devin, cascade, terminal,
 * https://docs.devin.ai/zh/api-reference/v3/consumption/consumption-daily.md), so the products
 * fall short of the day's `acus` by its review ACUs.
 */
export type ProductSplit = 'every-product' | 'listed-products-only';

/**
 * What a service user's bill holds. The SDK says the per-service-user endpoint covers "sessions
 * created by the given service user", which includes those it created on a person's behalf
 * (`create_as_user_id`), and the vendor says those also "count toward [that user's] usage" [R43]:
 * `with-on-behalf` (the default) bills them in both. The docs never say so outright, so
 * `own-sessions-only` is the other reading: on-behalf sessions only in the person's bill.
 */
export type ServiceUserBill = 'with-on-behalf' | 'own-sessions-only';

/**
 * The body of a v3 daily consumption endpoint. A billing day is in the answer when its start
 * lies in [time_after, time_before) (the vendor does not document the bounds; the client checks
 * the days it gets). With both bounds every day appears, zero or not. Non-session products are
 * in no org's bill, as v2 documents for its org filter: the enterprise carries all of them, a
 * user the ones that person used.
 */
export function dailyConsumptionV3(
  ledger: ConsumptionLedger,
  scope: ConsumptionScope,
  bounds: { readonly afterSec: number | null; readonly beforeSec: number | null },
  productSplit: ProductSplit = 'every-product',
  serviceUserBill: ServiceUserBill = 'with-on-behalf',
): WireDailyConsumptionV3 {
  const inBounds = (day: string): boolean => {
    const start = billingDayStartMs(day) ?? 0;
    return (
      (bounds.afterSec === null || start >= bounds.afterSec * 1000) &&
      (bounds.beforeSec === null || start < bounds.beforeSec * 1000)
    );
  };
  const days = new Map<string, { devin: Acus; cascade: Acus; terminal: Acus; review: Acus }>();
  const dayOf = (day: string) => {
    let found = days.get(day);
    if (found === undefined) {
      found = { devin: 0n, cascade: 0n, terminal: 0n, review: 0n };
      days.set(day, found);
    }
    return found;
  };
  if (bounds.afterSec !== null && bounds.beforeSec !== null) {
    const first = billingDayNumber(bounds.afterSec * 1000 + 86_400_000 - 1);
    for (let n = first; billingDayNumberStartMs(n) < bounds.beforeSec * 1000; n++) dayOf(billingDayName(n));
  }
  const scoped =
    scope.kind === 'enterprise' ? ledger.entries : (entriesOf(ledger, scope.kind).get(scope.id) ?? []);
  const entries =
    scope.kind === 'service-user' && serviceUserBill === 'own-sessions-only'
      ? scoped.filter((entry) => entry.userId === null)
      : scoped;
  for (const entry of entries) {
    if (inBounds(entry.day)) dayOf(entry.day).devin += entry.acus;
  }
  const addNonSession = (nonSession: ReadonlyMap<string, Acus>): void => {
    for (const [day, acus] of nonSession) {
      if (!inBounds(day)) continue;
      const split = splitNonSession(acus);
      const totals = dayOf(day);
      totals.cascade += split.cascade;
      totals.terminal += split.terminal;
      totals.review += split.review;
    }
  };
  if (scope.kind === 'enterprise') {
    addNonSession(ledger.nonSession);
    for (const days of ledger.nonSessionByUser.values()) addNonSession(days);
  }
  if (scope.kind === 'user') addNonSession(ledger.nonSessionByUser.get(scope.id) ?? new Map());
  let total = 0n;
  const byDate = [...days]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, p]) => {
      const acus = p.devin + p.cascade + p.terminal + p.review;
      total += acus;
      return {
        date: Math.floor((billingDayStartMs(day) ?? 0) / 1000),
        acus: acusToWire(acus),
        acus_by_product: {
          devin: acusToWire(p.devin),
          cascade: acusToWire(p.cascade),
          terminal: acusToWire(p.terminal),
          ...(productSplit === 'every-product' && { review: acusToWire(p.review) }),
        },
      };
    });
  return { total_acus: acusToWire(total), consumption_by_date: byDate };
}

type ScopeKind = Exclude<ConsumptionScope['kind'], 'enterprise'>;

/** Whose an entry is, for each scope: the id a request names, or null when the scope never selects it. */
const OWNER: Record<ScopeKind, (entry: LedgerEntry) => string | null> = {
  organization: (entry) => entry.orgId,
  user: (entry) => entry.userId,
  // "sessions created by the given service user" (SDK docs): those it created on a person's
  // behalf (`create_as_user_id`) too, which also count toward that person [R43]: in both bills.
  'service-user': (entry) => entry.serviceUserId,
  // Paths take the id as the vendor writes it, with its `devin-` prefix [R21][R30b].
  session: (entry) => devinId(entry.sessionId),
};

const byScope = new WeakMap<ConsumptionLedger, Map<ScopeKind, ReadonlyMap<string, readonly LedgerEntry[]>>>();

/**
 * The ledger's entries per owner of one kind (org, user, service user, session), in ledger order,
 * built once per ledger and kind: a report's walk to the bill asks one session, and its bill one
 * principal, at a time, thousands of times in a large month, and a scan of the whole ledger each
 * time made the fake, not the client, the slow part of a benchmark.
 */
function entriesOf(ledger: ConsumptionLedger, kind: ScopeKind): ReadonlyMap<string, readonly LedgerEntry[]> {
  let indexes = byScope.get(ledger);
  if (indexes === undefined) {
    indexes = new Map();
    byScope.set(ledger, indexes);
  }
  let index = indexes.get(kind);
  if (index === undefined) {
    const owner = OWNER[kind];
    const built = new Map<string, LedgerEntry[]>();
    for (const entry of ledger.entries) {
      const id = owner(entry);
      if (id === null) continue;
      const list = built.get(id);
      if (list === undefined) built.set(id, [entry]);
      else list.push(entry);
    }
    index = built;
    indexes.set(kind, index);
  }
  return index;
}

/** A session id as the per-session path wants it: `devin-` prefixed. */
export function devinId(sessionId: string): string {
  return sessionId.startsWith('devin-') ? sessionId : `devin-${sessionId}`;
}
