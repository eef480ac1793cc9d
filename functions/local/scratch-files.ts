import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/*
 * Scratch files (a session spool, a workbook being written, a file about to be renamed into
 * place) are named `.<what>.<pid>.partial` (or `<what>.<pid>.<hex>.partial`): whose they are is
 * in the name. A run that is killed cannot remove its own, so every run first removes the
 * leftovers of runs that are gone (issue 27, finding 10): a file whose process has exited, or
 * one of this process's pid that this process is not writing (a restarted Lambda runtime can
 * be given the pid its dead predecessor had). A live run's scratch is never touched. A scratch's
 * parts (the v3 fetch spools each time window to `<spool>.window-<n>` before merging them) are
 * its own: swept with it, and held while it is.
 */

const LEFTOVER = /\.(\d+)(?:\.[0-9a-f]+)?\.partial(\.window-\d+)?$/;
/** The scratch files this process is writing or reading now. */
const held = new Set<string>();

/** `<dir>/.<what>.<pid>.partial`, held by this process until {@link dropScratch} or {@link letGoOfScratch}. */
export function scratchFile(dir: string, what: string): string {
  return holdScratch(join(dir, `.${what}.${process.pid}.partial`));
}

/**
 * The scratch beside `path` that is renamed onto it once written whole: `.<name>.<pid>.<hex>.partial`,
 * unique per write, so two writes of one file by one process never share a scratch.
 */
export function scratchBeside(path: string): string {
  return holdScratch(
    join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.partial`),
  );
}

/** Marks a scratch path named as above as this process's, so no sweep removes it. */
export function holdScratch(path: string): string {
  held.add(resolve(path));
  return path;
}

/** After the scratch was renamed into place: nothing is left to remove. */
export function letGoOfScratch(path: string): void {
  held.delete(resolve(path));
}

/** Removes the scratch file and lets go of it. */
export async function dropScratch(path: string): Promise<void> {
  letGoOfScratch(path);
  await rm(path, { force: true });
}

/** The leftovers of runs that are gone, in `dir` (not below it), removed; returns their paths. */
export async function removeLeftovers(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = LEFTOVER.exec(name);
    const pid = match?.[1];
    if (pid === undefined) continue;
    const path = resolve(dir, name);
    const owner = match?.[2] === undefined ? path : path.slice(0, -match[2].length);
    const gone = Number(pid) === process.pid ? !held.has(owner) : !processAlive(Number(pid));
    if (!gone) continue;
    await rm(path, { force: true, recursive: true });
    removed.push(path);
  }
  return removed;
}

/** Whether a process of this host is running (EPERM: another user's, alive). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
