import type { z } from 'zod';
import { DevinDataError } from './devin-data-error.js';

/**
 * Validates one listing item, turning the first problem into a DevinDataError that names the
 * record (when its id is readable), the field and the value actually sent.
 */
export function parseRecord<S extends z.ZodType>(
  schema: S,
  item: unknown,
  resource: string,
  idField: string,
): z.output<S> {
  const parsed = schema.safeParse(item);
  if (parsed.success) return parsed.data;
  const id = valueAt(item, [idField]);
  throw dataErrorOf(parsed.error, item, resource, typeof id === 'string' && id !== '' ? id : null);
}

/** The first issue of a failed parse of `root`, as a DevinDataError. */
export function dataErrorOf(
  error: z.ZodError,
  root: unknown,
  resource: string,
  recordId: string | null,
): DevinDataError {
  const issue = error.issues[0];
  const path = issue?.path ?? [];
  const value = valueAt(root, path);
  return new DevinDataError(
    {
      resource,
      recordId,
      field: path.map(String).join('.') || '(whole)',
      value,
      problem: value === undefined ? 'is missing' : (issue?.message ?? 'is invalid'),
    },
    { cause: error },
  );
}

/** The value at a parse issue's path inside `root`; undefined when the path leads nowhere. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}
