import type { ConfigProblem } from './config-error.js';

/**
 * Context keys the stack does not read. `-c acuprice=3.10` used to synthesize silently with the
 * default price; now each unknown key is a problem naming the nearest known one. Keys with `:` or
 * a leading `@` are CDK's own (feature flags, `@aws-cdk/core:permissionsBoundary`,
 * `aws:cdk:bundling-stacks`), so they pass.
 */
export function unknownContextKeys(
  context: Readonly<Record<string, unknown>>,
  known: readonly string[],
): ConfigProblem[] {
  const knownSet = new Set(known);
  return Object.keys(context)
    .filter((key) => !knownSet.has(key) && !key.includes(':') && !key.startsWith('@'))
    .sort()
    .map((key) => {
      const nearest = nearestKey(key, known);
      return {
        key,
        value: context[key],
        message: `is not a setting of this stack${nearest === undefined ? '' : `; did you mean ${nearest}?`}`,
      };
    });
}

/** The known key closest in edit distance (case-insensitive), if it is close enough to be a typo. */
export function nearestKey(key: string, known: readonly string[]): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (best === undefined || distance < best.distance) best = { key: candidate, distance };
  }
  // A third of the key's length: `acuprice` → acuPrice, `alarmEmial` → alarmEmail, `foo` → nothing.
  return best !== undefined && best.distance <= Math.max(1, Math.floor(key.length / 3))
    ? best.key
    : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
