import type { SeededRandom } from './seeded-random.js';
import { scramble32 } from './seeded-random.js';
import type { WirePullRequest } from './wire.js';

/**
 * The shapes of a plausible session, shared by the demo and the generated data
 * sets so that both look like what the vendor sends.
 */

const TAG_WEIGHTS: readonly (readonly [string, number])[] = [
  ['bug-fix', 30],
  ['feature', 26],
  ['refactor', 12],
  ['tests', 12],
  ['docs', 7],
  ['migration', 7],
  ['security', 6],
];

/** Lifetime ACUs, right-skewed: most sessions 0.5–15, a few long ones 40–120, to the cent. */
export function skewedAcus(random: SeededRandom): number {
  if (random.chance(0.03)) return toCents(40 + random.next() * 80);
  const typical = Math.exp(Math.log(3) + 0.85 * random.normal());
  return toCents(Math.min(Math.max(typical, 0.5), 35));
}

export function toCents(value: number): number {
  return Math.round(value * 100) / 100;
}

/** About a fifth untagged, most with one tag, some with two or three. */
export function sessionTags(random: SeededRandom): string[] {
  const count = random.weighted([
    [0, 20],
    [1, 55],
    [2, 18],
    [3, 7],
  ] as const);
  const tags: string[] = [];
  while (tags.length < count) {
    const tag = random.weighted(TAG_WEIGHTS);
    if (!tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

/** Mostly finished (exit), some errors and sleeping (suspended) sessions, a few still running. */
export function sessionStatus(random: SeededRandom, runningWeight = 1): string {
  return random.weighted([
    ['exit', 84],
    ['error', 7],
    ['suspended', 8],
    ['running', runningWeight],
  ]);
}

/**
 * About half the sessions opened a pull request (finished ones more often), in
 * either of the vendor's two shapes, since the client must accept both.
 */
export function pullRequestsFor(random: SeededRandom, repo: string, status: string): WirePullRequest[] {
  const likelihood = status === 'exit' || status === 'suspended' ? 0.6 : status === 'error' ? 0.15 : 0.05;
  if (!random.chance(likelihood)) return [];
  const count = random.chance(0.06) ? 2 : 1;
  return Array.from({ length: count }, () => {
    const url = `https://github.com/${repo}/pull/${random.int(120, 9800)}`;
    const state = random.weighted([
      ['merged', 60],
      ['open', 25],
      ['closed', 15],
    ] as const);
    return random.chance(0.5) ? { pr_url: url, pr_state: state, state } : { url, state };
  });
}

/** Like the vendor's 'devin-' + 32 hex digits; the serial's share keeps IDs unique whatever the random draws. */
export function sessionId(random: SeededRandom, serial: number): string {
  const randomHex = [0, 1, 2].map(() => hex8(Math.floor(random.next() * 2 ** 32))).join('');
  return `devin-${randomHex}${hex8(scramble32(serial))}`;
}

export function sessionUrl(id: string): string {
  return `https://app.devin.ai/sessions/${id}`;
}

export function hex8(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}
