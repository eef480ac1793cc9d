import { SESSIONS_PATH } from '#devin/fake/endpoints.js';
import type { IncomingRequest } from '#devin/fake/exchange.js';
import type { SeededRandom } from '#devin/fake/seeded-random.js';
import { seededRandom } from '#devin/fake/seeded-random.js';
import { V3_PREFIXES, V3_SESSIONS } from '#devin/fake/v3/v3-endpoints.js';
import type { Fault, FaultPlan, FaultRate, FaultRule } from './faults.js';

/** A fault plan that cannot work as written, e.g. a probability of 2. */
export class FaultPlanError extends Error {
  override readonly name = 'FaultPlanError';
}

interface ScriptedRule {
  readonly rule: FaultRule;
  usesLeft: number;
}

/** A plan in use: remembers how many times each rule has fired and where the random sequence is. */
export class FaultSchedule {
  readonly #script: readonly ScriptedRule[];
  readonly #rate: FaultRate | undefined;
  readonly #random: SeededRandom;

  constructor(plan: FaultPlan) {
    this.#script = (plan.script ?? []).map((rule, position) => ({ rule, usesLeft: usesOf(rule, position) }));
    this.#rate = plan.rate && checkedRate(plan.rate);
    this.#random = seededRandom(plan.rate?.seed ?? 0);
  }

  /** The fault to answer this request with, or null to answer normally. */
  next(request: IncomingRequest): Fault | null {
    for (const scripted of this.#script) {
      const { rule } = scripted;
      if (
        scripted.usesLeft > 0 &&
        appliesTo(rule.fault, rule.path, request) &&
        (rule.when?.(request) ?? true)
      ) {
        scripted.usesLeft -= 1;
        return rule.fault;
      }
    }
    const rate = this.#rate;
    if (!rate || (rate.path !== undefined && rate.path !== request.path)) return null;
    if (this.#random.next() >= rate.probability) return null;
    const fault = this.#random.pick(rate.faults);
    return appliesTo(fault, undefined, request) ? fault : null;
  }
}

function appliesTo(fault: Fault, path: string | undefined, request: IncomingRequest): boolean {
  if (path === undefined && (fault.kind === 'mutate-page' || fault.kind === 'repeat-page')) {
    return isSessionsPath(request.path);
  }
  return path === undefined || path === request.path;
}

function usesOf(rule: FaultRule, position: number): number {
  const times = rule.times ?? 1;
  if (times !== Number.POSITIVE_INFINITY && !(Number.isInteger(times) && times >= 1)) {
    throw new FaultPlanError(
      `script[${position}].times must be a positive integer or Infinity, got ${times}`,
    );
  }
  return times;
}

function checkedRate(rate: FaultRate): FaultRate {
  if (!(rate.probability >= 0 && rate.probability <= 1)) {
    throw new FaultPlanError(`rate.probability must be within 0..1, got ${rate.probability}`);
  }
  if (rate.probability > 0 && rate.faults.length === 0) {
    throw new FaultPlanError('rate.faults must name at least one fault when rate.probability > 0');
  }
  return rate;
}

/** The v2 sessions listing, or the v3 one under either prefix. */
function isSessionsPath(path: string): boolean {
  return path === SESSIONS_PATH || V3_PREFIXES.some((prefix) => path === `/${prefix}${V3_SESSIONS}`);
}
