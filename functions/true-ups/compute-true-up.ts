import { type CostCentreMap, UNMAPPED_CODE, UNMAPPED_NAME } from '#core/cost-centres/cost-centre-map.js';
import { costCentreOfSession } from '#core/cost-centres/cost-centre-of-session.js';
import type { Acus } from '#core/money/acus.js';
import { allocateMinorUnits } from '#core/money/allocate-minor-units.js';
import { costOf, roundCostToMinor } from '#core/money/cost.js';
import type { Pricing } from '#core/money/pricing.js';
import { byAmountDescending, byText } from '#core/report/rank.js';
import type { Session } from '#core/session.js';
import type { TrueUpLine, TrueUpPeriod } from './true-up.js';

/**
 * The true-up of one closed period Q: for each session created in Q and read
 * again now, its ACUs now − its ACUs in Q's record at close (a session the
 * record lacks counts whole; an unchanged one is left out). Priced at Q's
 * price and charged by Q's map, so the true-up posts what Q's close would
 * have, had it known. The change's cents are its ACUs × price rounded once,
 * shared over cost centres and then over sessions by largest remainder, so
 * every level adds up exactly.
 */
export function computeTrueUp(input: {
  readonly period: TrueUpPeriod['period'];
  readonly pricing: Pricing;
  readonly closedAt: Date;
  /** Q's map; null when Q closed without one (everything is then Unmapped). */
  readonly map: CostCentreMap | null;
  /** Q's record: each session's ACUs at close. */
  readonly atClose: ReadonlyMap<string, Acus>;
  /** Sessions created in Q, as the API returns them now (those updated after Q's close suffice). */
  readonly sessionsNow: Iterable<Session>;
}): TrueUpPeriod {
  const { pricing, map } = input;
  const changed: Omit<TrueUpLine, 'changeCostMinor'>[] = [];
  for (const session of input.sessionsNow) {
    const before = input.atClose.get(session.sessionId);
    const changeAcus = session.acus - (before ?? 0n);
    if (changeAcus === 0n) continue;
    changed.push({
      sessionId: session.sessionId,
      orgId: session.orgId,
      userId: session.userId,
      costCentre: map === null ? UNMAPPED_CODE : costCentreOfSession(map, session).code,
      acusAtClose: before ?? 0n,
      acusNow: session.acus,
      changeAcus,
      inRecord: before !== undefined,
    });
  }
  changed.sort((a, b) => byAmountDescending(a.changeAcus, b.changeAcus) || byText(a.sessionId, b.sessionId));
  const acus = changed.reduce((sum, line) => sum + line.changeAcus, 0n);
  const costMinor = roundCostToMinor(costOf(acus, pricing), pricing);

  const codes = [...new Set(changed.map((line) => line.costCentre))].sort(byText);
  const codeAcus = codes.map((code) =>
    changed.filter((line) => line.costCentre === code).reduce((sum, line) => sum + line.changeAcus, 0n),
  );
  const codeMinor = allocateMinorUnits(
    costMinor,
    codeAcus.map((a) => costOf(a, pricing)),
    pricing,
  );
  const lineMinor = new Map<string, bigint>();
  codes.forEach((code, i) => {
    const lines = changed.filter((line) => line.costCentre === code);
    const cents = allocateMinorUnits(
      codeMinor[i] ?? 0n,
      lines.map((line) => costOf(line.changeAcus, pricing)),
      pricing,
    );
    lines.forEach((line, k) => {
      lineMinor.set(line.sessionId, cents[k] ?? 0n);
    });
  });
  return {
    period: input.period,
    pricing,
    closedAt: input.closedAt,
    lines: changed.map((line) => ({ ...line, changeCostMinor: lineMinor.get(line.sessionId) ?? 0n })),
    acus,
    costMinor,
    costCentres: codes.map((code, i) => ({
      code,
      name: map?.costCentres.get(code)?.name ?? UNMAPPED_NAME,
      glAccount: map?.costCentres.get(code)?.glAccount ?? null,
      legalEntity: map?.costCentres.get(code)?.legalEntity ?? null,
      sessions: changed.filter((line) => line.costCentre === code).length,
      acus: codeAcus[i] ?? 0n,
      costMinor: codeMinor[i] ?? 0n,
    })),
  };
}
