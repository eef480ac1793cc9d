import {
  type ObjectBody,
  type ObjectMeta,
  type ObjectStore,
  type StoredVersion,
  sameBytes,
} from './object-store.js';

/*
 * Conditional writes whose answer may be lost (issue 27, finding 5). A write that succeeded may be
 * answered 412 (the SDK's retry met the write itself) or fail outright (the retries ran out); in
 * both cases the object is read back, and if it holds this caller's own body the caller won.
 * That is sound only for a body no other caller writes: one that names its run (a run id, with
 * the time it was written).
 */

/** By default "mine" means: the stored bytes are exactly the body this caller wrote. */
export type IsOwn = (stored: StoredVersion) => boolean;

/** `putIfAbsent`, with a lost answer resolved by reading back: 'written' when the object is this caller's. */
export async function putIfAbsentReadBack(
  store: ObjectStore,
  key: string,
  body: ObjectBody,
  options: { readonly isOwn?: IsOwn; readonly meta?: ObjectMeta } = {},
): Promise<'written' | 'exists'> {
  const isOwn = options.isOwn ?? ((stored) => sameBytes(stored.bytes, body));
  let outcome: 'written' | 'exists';
  try {
    outcome = await store.putIfAbsent(key, body, options.meta);
  } catch (error) {
    const stored = await readBack(store, key);
    if (stored !== undefined && isOwn(stored)) return 'written';
    throw error;
  }
  if (outcome === 'written') return 'written';
  const stored = await store.get(key);
  return stored !== undefined && isOwn(stored) ? 'written' : 'exists';
}

/** `replaceIfUnchanged`, with a lost answer resolved the same way: true when the object now is this caller's. */
export async function replaceIfUnchangedReadBack(
  store: ObjectStore,
  key: string,
  body: ObjectBody,
  version: string,
  options: { readonly isOwn?: IsOwn; readonly meta?: ObjectMeta } = {},
): Promise<boolean> {
  const isOwn = options.isOwn ?? ((stored) => sameBytes(stored.bytes, body));
  let replaced: boolean;
  try {
    replaced = await store.replaceIfUnchanged(key, body, version, options.meta);
  } catch (error) {
    const stored = await readBack(store, key);
    if (stored !== undefined && stored.version !== version && isOwn(stored)) return true;
    throw error;
  }
  if (replaced) return true;
  const stored = await store.get(key);
  return stored !== undefined && stored.version !== version && isOwn(stored);
}

/** After a failed write: the object if it can be read, else undefined (the write's own error is the one to report). */
async function readBack(store: ObjectStore, key: string): Promise<StoredVersion | undefined> {
  try {
    return await store.get(key);
  } catch {
    return undefined;
  }
}
