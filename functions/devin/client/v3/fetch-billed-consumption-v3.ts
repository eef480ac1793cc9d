import type { Acus } from '#core/money/acus.js';
import { sumAcus } from '#core/money/acus.js';
import type { BilledConsumption, BilledConsumptionResult } from '#core/report/billed-consumption.js';
import type { Session } from '#core/session.js';
import { billingDayStart, isDay } from '../billing-day.js';
import { DevinApiError } from '../devin-api-error.js';
import type { BilledDays } from '../fetch-billed-consumption.js';
import type { HttpSettings } from '../http-settings.js';
import { mapWithConcurrency } from '../map-with-concurrency.js';
import type { PagingSettings } from '../read-listing.js';
import { redact } from '../redact.js';
import { unavailableReason } from '../unavailable-reason.js';
import { onBehalfAcus, withoutOnBehalf } from './on-behalf-acus.js';
import { listSessionsTouching } from './sessions-touching-v3.js';
import type { V3Paths } from './v3-paths.js';
import { type DailyConsumptionV3, dailyConsumptionFromWireV3 } from './wire-consumption-v3.js';

export const V3_DAILY_ROUTE = '/enterprise/consumption/daily';

type Scope = 'organizations' | 'users' | 'service-users';

class BillProblem extends Error {}

const NO_CONSUMPTION: DailyConsumptionV3 = { totalAcus: 0n, byDate: new Map(), byProduct: new Map() };

/**
 * The vendor's bill on v3. The enterprise call gives the total by day and product; per-org,
 * per-user and per-service-user figures each need their own call (devin-api-v3.md §3a), made
 * with bounded concurrency and only for those who can have consumed in the billing days: the
 * orgs of the enterprise; every person and service user the directory names (members direct and
 * through IdP groups, service users inactive ones included), since Cascade and Terminal use
 * bills a person without any session; and the people and service users of sessions whose life
 * touches the days (the report's own, plus the few created outside it that crossed an edge, who
 * may have left the directory).
 *
 * Never fails the report: a refused key or a body that does not add up becomes the reason. A
 * 403 on the per-user or per-service-user calls keeps the bill and drops its user breakdown.
 */
export async function fetchBilledConsumptionV3(
  http: HttpSettings,
  paths: V3Paths,
  paging: PagingSettings,
  days: BilledDays,
  listDirectory: () => Promise<DirectoryIds>,
  onWarning: (message: string) => void,
): Promise<BilledConsumptionResult> {
  const start = checkedDay('firstDay', days.firstDay, 0);
  const end = checkedDay('lastDay', days.lastDay, 1);
  if (days.lastDay < days.firstDay)
    throw new RangeError(`lastDay ${days.lastDay} is before firstDay ${days.firstDay}`);
  const asked = { firstDay: days.firstDay, lastDay: days.lastDay };
  const params = new URLSearchParams({
    time_after: String(start.getTime() / 1000),
    time_before: String(end.getTime() / 1000),
  });
  const daily = async (route: string, family: string, signal?: AbortSignal): Promise<DailyConsumptionV3> => {
    const json = await paths.get(route, params, signal, family);
    const parsed = dailyConsumptionFromWireV3(json, asked);
    if (!parsed.ok) throw new BillProblem(`GET ${paths.pathOf(route, family)}: ${parsed.reason}`);
    return parsed.daily;
  };
  // A principal the API no longer knows (a person who left) answers 404: none of the bill is theirs.
  const scoped = (scope: Scope, ids: readonly string[]) =>
    mapWithConcurrency(ids, paging.concurrency, (id, signal) =>
      daily(
        `${V3_DAILY_ROUTE}/${scope}/${encodeURIComponent(id)}`,
        `${V3_DAILY_ROUTE}/${scope}/{id}`,
        signal,
      ).then(
        (d) => [id, d] as const,
        (error: unknown) => {
          if (!(error instanceof DevinApiError) || error.status !== 404) throw error;
          onWarning(`${error.message}; no consumption is attributed to ${id}`);
          return [id, NO_CONSUMPTION] as const;
        },
      ),
    );

  try {
    const enterprise = await daily(V3_DAILY_ROUTE, V3_DAILY_ROUTE);
    const principals = await principalsOf(paths, paging, days, start, end, listDirectory, onWarning);
    const orgIds = days.orgIds && days.orgIds.length > 0 ? [...days.orgIds] : principals.orgIds;
    const orgs = await scoped('organizations', orgIds);
    const byOrg = new Map(
      orgs.filter(([, d]) => d.totalAcus > 0n).map(([id, d]) => [id, d.totalAcus] as const),
    );
    // The per-user endpoints cannot be narrowed to orgs: a narrowed bill has no user breakdown.
    const narrowed = days.orgIds !== undefined && days.orgIds.length > 0;
    const byUser = narrowed
      ? null
      : await userBreakdown(
          () => scoped('users', principals.userIds),
          async () => {
            const services = await scoped('service-users', principals.serviceUserIds);
            const billed = services.filter(([, d]) => d.totalAcus > 0n).map(([id]) => id);
            const window = { start, end, ...asked, params };
            const behalf = await onBehalfAcus(
              paths,
              paging,
              billed,
              window,
              V3_DAILY_ROUTE,
              onWarning,
              (m) => new BillProblem(m),
            );
            // Charged to the person they acted for, never a second time to the service user.
            return services.map(
              ([id, d]) =>
                [
                  id,
                  { ...d, totalAcus: withoutOnBehalf(id, d.totalAcus, behalf.get(id) ?? 0n, onWarning) },
                ] as const,
            );
          },
          http,
          onWarning,
        );

    // Narrowed to orgs, the bill is those orgs' ACUs, as v2 answers an org filter.
    const totalAcus = narrowed ? sumAcus(byOrg.values()) : enterprise.totalAcus;
    const byDate = narrowed ? sumByKey(orgs.map(([, d]) => d.byDate)) : enterprise.byDate;
    const orgSum = sumAcus(byOrg.values());
    if (orgSum > totalAcus) throw new BillProblem(`the per-org figures add up to more than the total`);
    if (byUser !== null && sumAcus(byUser.values()) > totalAcus)
      throw new BillProblem(`the per-user figures add up to more than the total`);
    const unattributedByProduct = new Map<string, Acus>();
    if (!narrowed) {
      const orgProducts = sumByKey(orgs.map(([, d]) => d.byProduct));
      for (const [product, acus] of enterprise.byProduct) {
        unattributedByProduct.set(product, acus - (orgProducts.get(product) ?? 0n));
      }
    }
    const consumption: BilledConsumption = {
      ...asked,
      totalAcus,
      byDate,
      byOrg,
      byUser,
      ...(unattributedByProduct.size > 0 && { unattributedByProduct, byProduct: enterprise.byProduct }),
    };
    return { available: true, consumption };
  } catch (error) {
    if (error instanceof BillProblem) {
      onWarning(error.message);
      return { available: false, reason: redact(error.message.replace(/^GET \S+: /, ''), http.apiKey) };
    }
    if (!(error instanceof DevinApiError)) throw error;
    onWarning(error.message);
    return { available: false, reason: unavailableReason(error, 'consumption', http.apiKey) };
  }
}

/** Per-user and per-service-user ACUs in one map (ids never collide); null when the key may not read them. */
async function userBreakdown(
  users: () => Promise<(readonly [string, DailyConsumptionV3])[]>,
  serviceUsers: () => Promise<(readonly [string, DailyConsumptionV3])[]>,
  http: HttpSettings,
  onWarning: (message: string) => void,
): Promise<Map<string, Acus> | null> {
  try {
    const all = [...(await users()), ...(await serviceUsers())];
    return new Map(all.filter(([, d]) => d.totalAcus > 0n).map(([id, d]) => [id, d.totalAcus] as const));
  } catch (error) {
    if (error instanceof DevinApiError && error.status === 403) {
      onWarning(
        `per-user consumption unavailable: ${unavailableReason(error, 'per-user consumption', http.apiKey)}`,
      );
      return null;
    }
    throw error;
  }
}

interface Principals {
  readonly orgIds: string[];
  readonly userIds: string[];
  readonly serviceUserIds: string[];
}

/** Everyone the directory names; a listing the key may not read contributes nobody. */
export interface DirectoryIds {
  readonly orgIds: readonly string[];
  readonly userIds: readonly string[];
  readonly serviceUserIds: readonly string[];
}

async function principalsOf(
  paths: V3Paths,
  paging: PagingSettings,
  days: BilledDays,
  start: Date,
  end: Date,
  listDirectory: () => Promise<DirectoryIds>,
  onWarning: (message: string) => void,
): Promise<Principals> {
  const known = days.principals;
  const directory = await listDirectory();
  const orgs = new Set<string>([...(known?.orgIds ?? []), ...directory.orgIds]);
  const users = new Set<string>([...(known?.userIds ?? []), ...directory.userIds]);
  const services = new Set<string>([...(known?.serviceUserIds ?? []), ...directory.serviceUserIds]);
  // Sessions that can have consumed in [start, end) but were not among the report's own.
  const gaps: { createdFrom: Date | null; createdTo: Date }[] = known
    ? [
        { createdFrom: null, createdTo: minDate(known.from, end) },
        ...(known.to < end ? [{ createdFrom: maxDate(known.to, start), createdTo: end }] : []),
      ]
    : [{ createdFrom: null, createdTo: end }];
  for (const gap of gaps) {
    const sessions: Session[] = await listSessionsTouching(
      paths,
      paging,
      { createdFrom: gap.createdFrom, createdTo: gap.createdTo, updatedFrom: start, updatedTo: null },
      onWarning,
    );
    for (const s of sessions) {
      orgs.add(s.orgId);
      if (s.userId === null) continue;
      (s.userKind === 'service-user' ? services : users).add(s.userId);
    }
  }
  return { orgIds: [...orgs].sort(), userIds: [...users].sort(), serviceUserIds: [...services].sort() };
}

function sumByKey(maps: readonly ReadonlyMap<string, Acus>[]): Map<string, Acus> {
  const total = new Map<string, Acus>();
  for (const map of maps) for (const [key, acus] of map) total.set(key, (total.get(key) ?? 0n) + acus);
  return new Map([...total].sort(([a], [b]) => (a < b ? -1 : 1)));
}

function checkedDay(name: string, day: string, after: number): Date {
  const at = isDay(day) ? billingDayStart(day, after) : null;
  if (at === null) throw new RangeError(`${name} must be a YYYY-MM-DD date, got ${JSON.stringify(day)}`);
  return at;
}

const minDate = (a: Date, b: Date): Date => (a < b ? a : b);
const maxDate = (a: Date, b: Date): Date => (a > b ? a : b);
