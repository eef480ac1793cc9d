/**
 * The Devin API answered, but with data the report cannot trust: a required field missing or of
 * the wrong type, or negative ACUs. Not retried: the same request would return the same data.
 */
export class DevinDataError extends Error {
  override readonly name = 'DevinDataError';
  /** The session (or member, organization) the bad field belongs to; null for the page envelope. */
  readonly recordId: string | null;
  /** Dotted path of the field inside the item or envelope, e.g. `pull_requests.0.pr_url`. */
  readonly field: string;
  /** The offending value as JSON, shortened. */
  readonly value: string;

  constructor(
    details: { resource: string; recordId: string | null; field: string; value: unknown; problem: string },
    options?: { cause?: unknown },
  ) {
    const value = excerptOf(details.value);
    const subject =
      details.recordId === null ? `${details.resource} page` : `${details.resource} ${details.recordId}`;
    super(
      `Devin API sent bad data for ${subject}: field "${details.field}" ${details.problem} (got ${value})`,
      options,
    );
    this.recordId = details.recordId;
    this.field = details.field;
    this.value = value;
  }
}

const MAX_VALUE_CHARS = 120;

function excerptOf(value: unknown): string {
  const text = value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value));
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text;
}
