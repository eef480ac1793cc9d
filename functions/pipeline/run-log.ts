/**
 * The narrow logging surface the pipeline needs. Powertools' Logger satisfies it
 * in Lambda; the CLI passes a stderr writer. Context objects must never carry
 * secrets: the pipeline only ever logs counts, ids, periods and durations.
 */
export interface RunLog {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
}
