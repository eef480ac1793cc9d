import { acusToNumber } from '#core/money/acus.js';
import { costOf } from '#core/money/cost.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import { productName } from '#core/report/shared-products.js';
import { sharedCostRuleText } from '#core/shared-costs/shared-cost-rule.js';
import { COST_SCALE } from './focus-columns.js';
import { DEVIN_FOCUS_CONSTANTS as DEVIN, type FocusValue } from './focus-row.js';

type Row = Record<string, FocusValue>;

/** The rows that split non-session products over cost centres and post earlier periods' true-ups; none without cost centres. */
export function postingRowCount(report: ChargebackReport): number {
  const costCentres = report.costCentres;
  if (costCentres === undefined) return 0;
  const shares =
    costCentres.shared.unallocated === null
      ? costCentres.shared.charges.reduce((n, c) => n + c.shares.length, 0)
      : 0;
  return shares + (costCentres.trueUps?.sessions ?? 0);
}

/**
 * One row per cost centre's share of each shared charge (Usage, with FOCUS 1.3's allocation
 * columns: the rule, the ratio, the cost centre) and one Adjustment row per session of an
 * earlier closed period whose ACUs changed after its close (ChargePeriod = that period,
 * priced at its price, ChargeClass `Correction`). Their BilledCost are the journal's own cents, so the partition sums
 * to what the journal posts.
 */
export function postingRows(
  report: ChargebackReport,
  common: Readonly<Record<string, FocusValue>>,
  orgNames: ReadonlyMap<string, string | null>,
  users: ReadonlyMap<string, { readonly name: string | null; readonly email: string | null }>,
): Row[] {
  const costCentres = report.costCentres;
  if (costCentres === undefined) return [];
  const { pricing } = report;
  const billedScale = (minorDigits: number) => 10n ** BigInt(COST_SCALE - minorDigits);
  const names = new Map(costCentres.rows.map((row) => [row.code, row.name]));
  const blank: Row = {
    ResourceId: null,
    ResourceName: null,
    ResourceType: null,
    SubAccountId: null,
    SubAccountName: null,
    Tags: null,
    x_UserId: null,
    x_UserName: null,
    x_UserEmail: null,
    x_SessionUrl: null,
    AllocatedMethodDetails: null,
    AllocatedMethodId: null,
    AllocatedResourceId: null,
    AllocatedResourceName: null,
  };
  const rows: Row[] = [];
  const { shared } = costCentres;
  if (shared.unallocated === null) {
    const method = sharedCostRuleText(shared.rule);
    for (const charge of shared.charges) {
      for (const share of charge.shares) {
        const contracted = costOf(share.acus, pricing);
        const billed = share.costMinor * billedScale(pricing.minorDigits);
        rows.push({
          ...common,
          ...blank,
          BilledCost: billed,
          EffectiveCost: billed,
          ContractedCost: contracted,
          ListCost: contracted,
          ContractedUnitPrice: pricing.unitPriceScaled,
          PricingQuantity: share.acus,
          PricingUnit: DEVIN.unit,
          ConsumedQuantity: share.acus,
          ConsumedUnit: DEVIN.unit,
          ChargeCategory: 'Usage',
          ChargeFrequency: 'Usage-Based',
          ChargeDescription: `Devin ACUs of ${productName(charge.product)} (a product that is not sessions), shared by the rule ${method}`,
          AllocatedMethodId: method,
          AllocatedMethodDetails: JSON.stringify({
            Elements: [
              { AllocatedRatio: share.ratio, UsageUnit: DEVIN.unit, UsageQuantity: acusToNumber(share.acus) },
            ],
          }),
          AllocatedResourceId: share.code,
          AllocatedResourceName: names.get(share.code) ?? share.code,
          x_CostCentre: share.code,
        });
      }
    }
  }
  for (const q of costCentres.trueUps?.periods ?? []) {
    for (const line of q.lines) {
      const contracted = costOf(line.changeAcus, q.pricing);
      const billed = line.changeCostMinor * billedScale(q.pricing.minorDigits);
      const user = line.userId === null ? undefined : users.get(line.userId);
      rows.push({
        ...common,
        ...blank,
        ChargePeriodStart: q.period.from,
        ChargePeriodEnd: q.period.to,
        BilledCost: billed,
        EffectiveCost: billed,
        ContractedCost: contracted,
        ListCost: contracted,
        ContractedUnitPrice: q.pricing.unitPriceScaled,
        PricingQuantity: line.changeAcus,
        PricingUnit: DEVIN.unit,
        // FOCUS: ConsumedQuantity is for Usage rows only.
        ConsumedQuantity: null,
        ConsumedUnit: null,
        ChargeCategory: 'Adjustment',
        // A true-up corrects a period already closed (and invoiced), which FOCUS 1.4 marks with
        // ChargeClass `Correction` and the ChargePeriod of the period corrected (above):
        // shared/reference/focus.md §1 "1.4" and §3 "ChargeClass".
        ChargeClass: 'Correction',
        ChargeFrequency: 'One-Time',
        ChargeDescription: `True-up of ${q.period.label}: ACUs this session used after that period closed`,
        ResourceId: line.sessionId,
        ResourceType: DEVIN.resourceType,
        SubAccountId: line.orgId,
        SubAccountName: orgNames.get(line.orgId) ?? line.orgId,
        x_UserId: line.userId,
        x_UserName: user?.name ?? null,
        x_UserEmail: user?.email ?? null,
        x_CostCentre: line.costCentre,
      });
    }
  }
  return rows;
}
