import type { z } from 'zod';

export interface ConfigProblem {
  readonly key: string;
  readonly value: unknown;
  readonly message: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[], options?: ErrorOptions) {
    super(
      `Invalid deployment configuration (set it with -c key=value or in cdk.json "context"):\n${problems
        .map(
          (p) => `  - ${p.key}${p.value === undefined ? '' : ` = ${JSON.stringify(p.value)}`}: ${p.message}`,
        )
        .join('\n')}`,
      options,
    );
    this.problems = problems;
  }
}

/**
 * Context values through their schema: the parsed config, or a ConfigError that names every bad
 * key with the value it was given, so one deploy attempt shows all that needs fixing.
 */
export function parseContext<T>(schema: z.ZodType<T>, raw: Readonly<Record<string, unknown>>): T {
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? '(config)');
        return { key, value: raw[key], message: issue.message };
      }),
      { cause: result.error },
    );
  }
  return result.data;
}
