import { z } from 'zod';
import { parseEnvironment } from '#environment/parse-environment.js';

/** How a delivery writes the FOCUS dataset; the same fields for the laptop and the Lambda. */
export interface FocusOptions {
  /** Also write the rows as gzip CSV (`FOCUS_CSV=true`). */
  readonly csv: boolean;
  /** `FOCUS_BILLING_ACCOUNT_ID` / `FOCUS_BILLING_ACCOUNT_NAME`; the API host stands in for a missing id. */
  readonly billingAccountId?: string | undefined;
  readonly billingAccountName?: string | undefined;
}

export const DEFAULT_FOCUS_OPTIONS: FocusOptions = { csv: false };

const optionalText = z
  .string()
  .trim()
  .max(256)
  .optional()
  .transform((text) => (text === '' ? undefined : text));

const focusEnvironment = z.object({
  FOCUS_CSV: z.enum(['true', 'false', '1', '0', '']).optional(),
  FOCUS_BILLING_ACCOUNT_ID: optionalText,
  FOCUS_BILLING_ACCOUNT_NAME: optionalText,
});

/** Reads the FOCUS settings from the environment, naming the variable that is wrong. */
export function focusOptionsFromEnv(env: Readonly<Record<string, string | undefined>>): FocusOptions {
  const e = parseEnvironment(focusEnvironment, env);
  return {
    csv: e.FOCUS_CSV === 'true' || e.FOCUS_CSV === '1',
    ...(e.FOCUS_BILLING_ACCOUNT_ID === undefined ? {} : { billingAccountId: e.FOCUS_BILLING_ACCOUNT_ID }),
    ...(e.FOCUS_BILLING_ACCOUNT_NAME === undefined
      ? {}
      : { billingAccountName: e.FOCUS_BILLING_ACCOUNT_NAME }),
  };
}
