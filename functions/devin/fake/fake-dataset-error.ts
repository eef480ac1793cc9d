/** A data set the fake cannot serve, e.g. a session whose created_at is not an instant. */
export class FakeDatasetError extends Error {
  override readonly name = 'FakeDatasetError';
  readonly sessionId: string;
  readonly field: string;

  constructor(sessionId: string, field: string, value: unknown) {
    super(`session ${sessionId}: ${field} is not an ISO 8601 instant: ${JSON.stringify(value)}`);
    this.sessionId = sessionId;
    this.field = field;
  }
}
