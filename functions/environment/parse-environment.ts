// zod/mini's safeParse takes classic and mini schemas alike, and keeps classic zod out of the link bundle.
import * as z from 'zod/mini';
import { InvalidInputError } from '#core/errors.js';

/**
 * Environment variables through their schema, once at the edge: the parsed settings, or an
 * InvalidInputError that names the first wrong variable and its value (a Lambda fails fast at
 * start-up with the one thing to fix, not somewhere inside the run).
 */
export function parseEnvironment<T>(
  schema: z.core.$ZodType<T>,
  env: Readonly<Record<string, string | undefined>>,
): T {
  const parsed = z.safeParse(schema, env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const name = String(issue?.path[0] ?? 'environment');
  throw new InvalidInputError(name, env[name], `is invalid: ${issue?.message ?? 'unknown problem'}`);
}
