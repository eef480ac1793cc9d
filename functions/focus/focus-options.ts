/** How a delivery writes the FOCUS dataset; the same fields for the laptop and the Lambda. */
export interface FocusOptions {
  /** Also write the rows as gzip CSV (`FOCUS_CSV=true`, `--focus-csv`). */
  readonly csv: boolean;
  /** `FOCUS_BILLING_ACCOUNT_ID` / `FOCUS_BILLING_ACCOUNT_NAME`; the API host stands in for a missing id. */
  readonly billingAccountId?: string | undefined;
  readonly billingAccountName?: string | undefined;
}

export const DEFAULT_FOCUS_OPTIONS: FocusOptions = { csv: false };

/** Reads the FOCUS settings from the environment; anything but `true`/`1` leaves the CSV off. */
export function focusOptionsFromEnv(env: Readonly<Record<string, string | undefined>>): FocusOptions {
  const id = env.FOCUS_BILLING_ACCOUNT_ID?.trim();
  const name = env.FOCUS_BILLING_ACCOUNT_NAME?.trim();
  return {
    csv: env.FOCUS_CSV === 'true' || env.FOCUS_CSV === '1',
    ...(id ? { billingAccountId: id } : {}),
    ...(name ? { billingAccountName: name } : {}),
  };
}
