import type { ChargebackResult } from '#chargeback/chargeback-result.js';

/**
 * What the merge step returns to Step Functions: the report's result without its link. Step
 * Functions keeps every task's output in the execution history (and its log group, when execution
 * data is logged), where a bearer link would outlive its purpose; finance has it from the email.
 */
export type MergeResult = Omit<ChargebackResult, 'downloadUrl'> & {
  /** Where the link is instead: never in the execution's data. */
  readonly link: string;
};

export function withoutBearerLink(result: ChargebackResult): MergeResult {
  const { downloadUrl: _dropped, ...rest } = result;
  return {
    ...rest,
    link:
      result.emailed || result.duplicateOf !== undefined
        ? 'in the email finance was sent; never in the execution data'
        : `none: this run sent no email (the workbook is ${result.s3.uri}); for a link, have it mailed with "force": true and your address in "recipients"`,
  };
}
