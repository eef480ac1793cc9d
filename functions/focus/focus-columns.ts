import { ACU_DECIMALS } from '#core/money/acus.js';
import { PRICE_DECIMALS } from '#core/money/pricing.js';

/*
 * The columns of the Devin FOCUS Cost and Usage dataset, in file order: the
 * FOCUS 1.2 columns that apply to a per-ACU SaaS charge plus 1.3's
 * ServiceProviderName and HostProviderName (alphabetical, as the spec allows),
 * then the custom x_ columns. One list drives the Parquet schema, the CSV
 * header, the schema metadata, the Glue table and the tests.
 */

/** How a column is stored: exact decimals with a fixed scale, UTC instants, text, or a JSON object as text. */
export type FocusColumnType =
  | { readonly kind: 'decimal'; readonly scale: number }
  | { readonly kind: 'datetime' }
  | { readonly kind: 'string' }
  | { readonly kind: 'json' };

export interface FocusColumn {
  readonly name: string;
  readonly type: FocusColumnType;
  /** False for the columns FOCUS says must never be null. */
  readonly nullable: boolean;
  /** Custom (x_) columns are not FOCUS's. */
  readonly custom: boolean;
}

/** Every decimal is DECIMAL(38, scale): 20 whole digits at the widest scale, far beyond any bill. */
export const DECIMAL_PRECISION = 38;

/**
 * Scales chosen so the spec's product rules hold exactly in SQL: a quantity
 * (12 decimals, as ACUs are kept) times a unit price (6 decimals, as prices
 * are configured) is a cost with 18 decimals, which is ContractedCost's scale.
 */
export const QUANTITY_SCALE = ACU_DECIMALS;
export const UNIT_PRICE_SCALE = PRICE_DECIMALS;
export const COST_SCALE = QUANTITY_SCALE + UNIT_PRICE_SCALE;

const cost = { kind: 'decimal', scale: COST_SCALE } as const;
const quantity = { kind: 'decimal', scale: QUANTITY_SCALE } as const;
const unitPrice = { kind: 'decimal', scale: UNIT_PRICE_SCALE } as const;
const datetime = { kind: 'datetime' } as const;
const text = { kind: 'string' } as const;
const json = { kind: 'json' } as const;

function focus(name: string, type: FocusColumnType, nullable: boolean): FocusColumn {
  return { name, type, nullable, custom: false };
}
function custom(name: string, nullable = true): FocusColumn {
  return { name, type: text, nullable, custom: true };
}

export const FOCUS_COLUMNS: readonly FocusColumn[] = [
  focus('BilledCost', cost, false),
  focus('BillingAccountId', text, false),
  focus('BillingAccountName', text, true),
  focus('BillingCurrency', text, false),
  focus('BillingPeriodEnd', datetime, false),
  focus('BillingPeriodStart', datetime, false),
  focus('ChargeCategory', text, false),
  focus('ChargeClass', text, true),
  focus('ChargeDescription', text, true),
  focus('ChargeFrequency', text, false),
  focus('ChargePeriodEnd', datetime, false),
  focus('ChargePeriodStart', datetime, false),
  focus('ConsumedQuantity', quantity, true),
  focus('ConsumedUnit', text, true),
  focus('ContractedCost', cost, false),
  focus('ContractedUnitPrice', unitPrice, true),
  focus('EffectiveCost', cost, false),
  focus('HostProviderName', text, false),
  focus('InvoiceIssuerName', text, false),
  focus('ListCost', cost, false),
  focus('PricingQuantity', quantity, true),
  focus('PricingUnit', text, true),
  focus('ProviderName', text, false),
  focus('PublisherName', text, false),
  focus('ResourceId', text, true),
  focus('ResourceName', text, true),
  focus('ResourceType', text, true),
  focus('ServiceCategory', text, false),
  focus('ServiceName', text, false),
  focus('ServiceProviderName', text, false),
  focus('ServiceSubcategory', text, false),
  focus('SubAccountId', text, true),
  focus('SubAccountName', text, true),
  focus('Tags', json, true),
];

/**
 * FOCUS 1.3's split-cost allocation columns (focus.md §2): on the rows that split one
 * shared charge (a non-session product) over cost centres. Present with cost centres,
 * null on every other row. Alphabetically they come before BilledCost.
 */
export const ALLOCATION_COLUMNS: readonly FocusColumn[] = [
  focus('AllocatedMethodDetails', json, true),
  focus('AllocatedMethodId', text, true),
  focus('AllocatedResourceId', text, true),
  focus('AllocatedResourceName', text, true),
];

/** The cost centre column, present only when the report has cost centres (see focusColumns). */
export const COST_CENTRE_COLUMN = custom('x_CostCentre');

export interface FocusColumnOptions {
  /** True when the report assigns cost centres: adds the allocation columns first and x_CostCentre after x_SessionUrl. */
  readonly costCentres: boolean;
}

/** The dataset's columns, FOCUS first and the x_ columns after them, never intermixed. */
export function focusColumns(options: FocusColumnOptions): readonly FocusColumn[] {
  return [
    ...(options.costCentres ? ALLOCATION_COLUMNS : []),
    ...FOCUS_COLUMNS,
    custom('x_UserId'),
    custom('x_UserName'),
    custom('x_UserEmail'),
    custom('x_SessionUrl'),
    ...(options.costCentres ? [COST_CENTRE_COLUMN] : []),
    custom('x_CostBasis', false),
    custom('x_RunId', false),
  ];
}

/** The FOCUS version whose column set this is (1.2's columns plus 1.3's provider columns). */
export const FOCUS_VERSION = '1.3';
