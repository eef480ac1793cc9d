import { vi } from 'vitest';
import type { ChargebackResult, ReportFunctionOutcome } from '#chargeback/chargeback-result.js';
import { reportResultOf } from '#chargeback/chargeback-result.js';
import type { AwsEmulators } from './aws-emulators.js';
import { useAwsEnv } from './aws-env.js';

export type ReportHandler = ((event: unknown) => Promise<ChargebackResult>) & {
  /** What the handler returns as it is: a report, a hand-over, the catch-up's waiting answer or a check. */
  readonly outcome: (event: unknown) => Promise<ReportFunctionOutcome>;
};

export const API_KEY_SECRET_ID = 'devin-chargeback/api-key';

/** The environment the stack gives the report function, pointed at the emulators and the fake API. */
export function reportFunctionEnv(
  aws: AwsEmulators,
  options: { readonly bucket: string; readonly devinUrl: string },
): Record<string, string> {
  return {
    ...aws.env,
    REPORT_BUCKET: options.bucket,
    EMAIL_SENDER: 'reports@example.com',
    EMAIL_RECIPIENTS: 'finance@example.com',
    ACU_PRICE: '2.25',
    CURRENCY: 'USD',
    DEVIN_API_KEY_SECRET: API_KEY_SECRET_ID,
    DEVIN_API_URL: options.devinUrl,
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  };
}

let restoreEnv: (() => void) | undefined;

/**
 * The handler as the Lambda runtime loads it, fresh, with this environment
 * (the configuration is read at load). The previous load's environment is
 * restored first; `restoreReportEnv` ends the last one.
 */
export async function loadReportHandler(env: Readonly<Record<string, string>>): Promise<ReportHandler> {
  const outcome = await loadReportFunction(env);
  return Object.assign(async (event: unknown) => reportResultOf(await outcome(event)), { outcome });
}

/** As loadReportHandler, returning whatever the function returns (a check's rows, a hand-over). */
export async function loadReportFunction(
  env: Readonly<Record<string, string>>,
): Promise<(event: unknown) => Promise<ReportFunctionOutcome>> {
  restoreReportEnv();
  restoreEnv = useAwsEnv(env);
  vi.resetModules();
  const module = await import('#chargeback/handler.js');
  return (event) => module.handler(event);
}

export function restoreReportEnv(): void {
  restoreEnv?.();
  restoreEnv = undefined;
}
