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
  const issue = parsed.error.issues[0];
  const path = issue?.path ?? [];
  const value = valueAt(item, path);
  throw new DevinDataError(
    {
      resource,
      recordId: recordIdOf(item, idField),
      field: path.map(String).join('.') || '(item)',
      value,
      problem: value === undefined ? 'is missing' : (issue?.message ?? 'is invalid'),
    },
    { cause: parsed.error },
  );
}

function recordIdOf(item: unknown, idField: string): string | null {
  const id = valueAt(item, [idField]);
  return typeof id === 'string' && id !== '' ? id : null;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}
