import type { SeededRandom } from './seeded-random.js';

/** Titles as engineers write them when they hand Devin a task, keyed by the session's first tag. */
const TEMPLATES: Readonly<Record<string, readonly string[]>> = {
  'bug-fix': [
    'Fix crash in {c} on empty input',
    'Fix off-by-one in {c} pagination',
    'Fix timezone handling in {c}',
    'Fix flaky {c} integration test',
    'Handle 429 responses in {c}',
  ],
  feature: [
    'Add CSV export to {c}',
    'Add retries with backoff to {c}',
    'Support multiple currencies in {c}',
    'Put {c} behind a feature flag',
    'Add audit log entries to {c}',
  ],
  refactor: [
    'Extract {c} into its own module',
    'Remove dead code from {c}',
    'Simplify error handling in {c}',
  ],
  tests: ['Add unit tests for {c}', 'Raise {c} coverage above 80%', 'Replace mocks with fakes in {c} tests'],
  docs: ['Document {c} configuration', 'Update the {c} README', 'Write a runbook for {c}'],
  migration: [
    'Migrate {c} from Jest to Vitest',
    'Move {c} to the new logging library',
    'Upgrade {c} to Node 20',
  ],
  security: [
    'Bump vulnerable dependencies in {c}',
    'Validate webhook signatures in {c}',
    'Rotate secrets used by {c}',
  ],
  untagged: ['Investigate {c} latency', 'Look into the {c} alert', 'Answer a question about {c}'],
};

export function sessionTitle(random: SeededRandom, tags: readonly string[], component: string): string {
  const templates = TEMPLATES[tags[0] ?? 'untagged'] ?? TEMPLATES.untagged ?? ['Work on {c}'];
  return random.pick(templates).replace('{c}', component);
}
