/** Stages of a report run, named as an operator would say them. */
export type ReportStage =
  | 'count sessions'
  | 'fetch sessions'
  | 'fetch billing'
  | 'build report'
  | 'read true-ups'
  | 'render charts'
  | 'build journal formats'
  | 'write workbook'
  | 'store report'
  | 'close period'
  | 'send email';

/**
 * A failure of one stage of the pipeline. The message starts with the stage so
 * a person reading a console test result or an alarm knows where it broke.
 */
export class ReportStageError extends Error {
  override readonly name = 'ReportStageError';
  readonly stage: ReportStage;

  constructor(stage: ReportStage, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`${stage} failed: ${detail}`, { cause });
    this.stage = stage;
  }
}

/** Runs one stage, wrapping any failure so it names the stage (once: nested stages keep the inner name). */
export async function inStage<T>(stage: ReportStage, work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ReportStageError) throw error;
    throw new ReportStageError(stage, error);
  }
}
