/**
 * A period the plan says one invocation cannot read with margin, in a deployment without the
 * distributed run (`distributedRuns` off, the default). Raised before any session is fetched,
 * so nothing is stored or emailed; the message says what to turn on and why.
 */
export class TooLargeForOneInvocationError extends Error {
  override readonly name = 'TooLargeForOneInvocationError';
  readonly period: string;
  readonly expectedSessions: number;
  /** Sessions one invocation handles with margin: the planner's estimate or SESSIONS_PER_INVOCATION. */
  readonly capacity: number;

  constructor(params: {
    readonly period: string;
    readonly expectedSessions: number;
    readonly capacity: number;
    readonly capacitySource: 'estimate' | 'SESSIONS_PER_INVOCATION';
  }) {
    const limit =
      params.capacitySource === 'estimate'
        ? `${count(params.capacity)} sessions, this function's estimated limit with margin`
        : `${count(params.capacity)} sessions, the limit SESSIONS_PER_INVOCATION sets`;
    super(
      `${params.period} has about ${count(params.expectedSessions)} sessions, more than one invocation reads (${limit}). ` +
        'Turn on distributedRuns (cdk deploy -c distributedRuns=true, or "distributedRuns": true in cdk.json) ' +
        'so that the month is read in windows by Step Functions, then invoke the month again. Nothing was fetched, stored or emailed.',
    );
    this.period = params.period;
    this.expectedSessions = params.expectedSessions;
    this.capacity = params.capacity;
  }
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
