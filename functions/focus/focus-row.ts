/**
 * One row of the dataset by column name. Decimals are bigints scaled by their
 * column's scale (see focus-columns.ts), instants are Dates (UTC), JSON
 * columns are their serialised text, and null is a real null.
 */
export type FocusValue = string | bigint | Date | null;

export type FocusRow = Readonly<Record<string, FocusValue>>;

/** Values FOCUS allows in the columns this dataset fills with fixed words. */
export const CHARGE_CATEGORIES = ['Usage', 'Purchase', 'Tax', 'Credit', 'Adjustment'] as const;
export const CHARGE_FREQUENCIES = ['One-Time', 'Recurring', 'Usage-Based'] as const;

/** Fixed values, chosen once (focus.md §3) and kept: each ServiceName maps to exactly one category. */
export const DEVIN_FOCUS_CONSTANTS = {
  provider: 'Cognition',
  serviceName: 'Devin',
  serviceCategory: 'AI and Machine Learning',
  serviceSubcategory: 'Generative AI',
  unit: 'ACUs',
  resourceType: 'Devin Session',
} as const;
