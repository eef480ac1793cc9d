import { z } from 'zod';
import { InvalidInputError } from '#core/errors.js';

/**
 * One setting under every name it goes by: CDK context (`cdk.json`, `-c`), the report function's
 * environment, and the report CLI's flag and environment. Each place reads it through `schema`,
 * so that a value is taken or refused alike wherever it is given.
 */
export interface Setting<T> {
  /** The CDK context key, when the stack reads the setting; else the name the docs use. */
  readonly name: string;
  readonly context?: string;
  /** The report function's environment variable. */
  readonly lambdaEnv?: string;
  /** The report CLI's flag, e.g. `--true-up-months`. */
  readonly cliFlag?: string;
  /** The environment variable the CLI falls back to without its flag. */
  readonly cliEnv?: string;
  /** What an unset or blank value means, as docs/defaults.md writes it. */
  readonly defaultText: string;
  /** The stack and the function refuse to go without it (the CLI's demo has its own). */
  readonly requiredToDeploy?: boolean;
  /** One line, for docs/defaults.md. */
  readonly description: string;
  /** Text to value; absent or blank text gives the default. */
  readonly schema: z.ZodType<T, string | undefined>;
}

/** A value from the place a setting was given: refused as `field: "value" problem`. */
export function readSetting<T>(setting: Setting<T>, text: string | undefined, field: string): T {
  const parsed = setting.schema.safeParse(text);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const named = issue?.code === 'custom' ? (issue.params as { value?: unknown } | undefined) : undefined;
  throw new InvalidInputError(
    field,
    named && 'value' in named ? named.value : text,
    issue?.message ?? 'is not valid',
  );
}

/**
 * A schema over a domain parser that throws InvalidInputError: its problem becomes the issue's
 * message, and the value it names (a list's one bad item, say) goes with it.
 */
export function parsedBy<T>(parse: (text: string | undefined) => T): z.ZodType<T, string | undefined> {
  return z
    .string()
    .optional()
    .transform((text, ctx) => {
      try {
        return parse(text);
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        ctx.addIssue({ code: 'custom', message: error.problem, params: { value: error.value } });
        return z.NEVER;
      }
    });
}

/** Blank text is unset text: every place treats `X=` and a missing X alike. */
export function blank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

/** What the setting is when nobody sets it. */
export function defaultOf<T>(setting: Setting<T>): T {
  return setting.schema.parse(undefined);
}
