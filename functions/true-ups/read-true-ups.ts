import { closedSessionAcus } from '#close/closed-sessions.js';
import { type ClosedFile, verifiedClosedFile } from '#close/verify-closed-file.js';
import { parseCostCentreMap } from '#core/cost-centres/parse-cost-centre-map.js';
import { ACU_DECIMALS, type Acus, decimalStringToScaled } from '#core/money/acus.js';
import { parsePricing } from '#core/money/parse-pricing.js';
import type { Pricing } from '#core/money/pricing.js';
import type { BillingCycle } from '#core/period/billing-cycle.js';
import type { ReportPeriod } from '#core/period/report-period.js';
import { summaryDocumentSchema } from '#core/report/summary-document-schema.js';
import type { Session } from '#core/session.js';
import type { DevinClient } from '#devin/client/devin-client.js';
import { earlierPeriods } from '#pipeline/read-summary-history.js';
import type { ClosedPeriodFiles, ClosedPeriodReader } from './closed-period-files.js';
import { computeTrueUp } from './compute-true-up.js';
import { type TrueUpPeriod, type TrueUps, trueUpsOf } from './true-up.js';

export class TrueUpCurrencyError extends Error {
  override readonly name = 'TrueUpCurrencyError';
}

/**
 * The true-ups closing `period` posts: for each of the `months` periods before it that has a
 * close record, the sessions created in it and updated after its close, read again in one
 * listing (the API's updated-after filter), compared with its record. A period never closed
 * has nothing to true up and is skipped; its files are only read, never written.
 */
export async function readTrueUps(input: {
  readonly devin: DevinClient;
  readonly read: ClosedPeriodReader;
  readonly period: ReportPeriod;
  readonly pricing: Pricing;
  readonly months: number;
  readonly cycles?: readonly BillingCycle[] | undefined;
}): Promise<TrueUps> {
  const periods: TrueUpPeriod[] = [];
  const window = earlierPeriods(input.period, input.cycles, input.months).reverse();
  const closed = new Map<string, VerifiedClosedPeriod>();
  // Every file of every closed period is checked against its record before any is used: a
  // true-up posted from an edited summary or export would post (or drop) a change unseen.
  for (const q of window) {
    const files = await input.read(q);
    if (files !== undefined) closed.set(q.slug, await verified(files));
  }
  for (const [index, q] of window.entries()) {
    const files = closed.get(q.slug);
    if (files === undefined) continue;
    const { record } = files;
    if (record.pricing.currency !== input.pricing.currency) {
      throw new TrueUpCurrencyError(
        `${record.period.label} closed in ${record.pricing.currency}, ${input.period.label} is in ${input.pricing.currency}: a true-up cannot post across currencies`,
      );
    }
    const closedAt = new Date(record.closedAt);
    const atClose = new Map<string, Acus>(
      [...closedSessionAcus(record, files.sessionsExport)].map(([id, s]) => [id, s.acus]),
    );
    // What later closes already posted for Q replaces the close's figure: a change posts once.
    for (const later of window.slice(index + 1)) {
      const posted = closed.get(later.slug);
      if (posted === undefined) continue;
      for (const [sessionId, acus] of postedTrueUps(posted, q.slug)) atClose.set(sessionId, acus);
    }
    periods.push(
      computeTrueUp({
        period: q,
        pricing: parsePricing(record.pricing.unitPrice, record.pricing.currency),
        closedAt,
        map:
          files.mapText === undefined
            ? null
            : parseCostCentreMap(files.mapText, files.mapWhere ?? `${record.period.slug} close's map`),
        atClose,
        sessionsNow: await updatedSince(input.devin, q, closedAt),
      }),
    );
  }
  return trueUpsOf(periods);
}

/** A closed period's files once each matched its record's SHA-256. */
interface VerifiedClosedPeriod {
  readonly record: ClosedPeriodFiles['record'];
  readonly sessionsExport: ClosedFile;
  readonly mapText: string | undefined;
  readonly mapWhere: string | undefined;
  readonly summaryText: string;
}

async function verified(files: ClosedPeriodFiles): Promise<VerifiedClosedPeriod> {
  const { record } = files;
  const { artifacts } = record;
  const sessionsExport = await files.sessionsExport();
  verifiedClosedFile(record, artifacts.sessions, sessionsExport);
  const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);
  const summaryText = utf8(verifiedClosedFile(record, artifacts.summary, await files.summary()));
  const map = files.map === undefined ? undefined : await files.map();
  const mapText =
    map === undefined || artifacts.costCentres === undefined
      ? undefined
      : utf8(verifiedClosedFile(record, artifacts.costCentres, map));
  return { record, sessionsExport, mapText, mapWhere: map?.where, summaryText };
}

function postedTrueUps(files: VerifiedClosedPeriod, slug: string): [string, Acus][] {
  const summary = summaryDocumentSchema.parse(JSON.parse(files.summaryText) as unknown);
  const posted = summary.trueUps?.find((t) => t.period === slug);
  return (posted?.sessions ?? []).map((s) => [s.sessionId, decimalStringToScaled(s.acus, ACU_DECIMALS)]);
}

async function updatedSince(
  devin: DevinClient,
  q: ReportPeriod,
  closedAt: Date,
): Promise<readonly Session[]> {
  if (devin.listSessionsUpdatedAfter !== undefined) {
    return devin.listSessionsUpdatedAfter({ from: q.from, to: q.to, updatedAfter: closedAt });
  }
  // v2 has no updated-after filter: the period read again, the updated sessions kept.
  const fetched = await devin.fetchSessions({ from: q.from, to: q.to });
  const kept: Session[] = [];
  for (const session of fetched.sessions) if (session.updatedAt >= closedAt) kept.push(session);
  return kept;
}
