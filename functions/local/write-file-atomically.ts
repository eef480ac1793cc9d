import { createWriteStream } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { dropScratch, letGoOfScratch, scratchBeside } from './scratch-files.js';

/**
 * Writes next to the target and renames into place, so a reader never sees a
 * half-written file under the final name (rename is atomic within a folder). A killed
 * writer's scratch is removed by the next run (scratch-files.ts).
 */
export async function writeFileAtomically(path: string, content: string | Uint8Array): Promise<void> {
  const partial = scratchBeside(path);
  try {
    await writeFile(partial, content);
    await rename(partial, path);
    letGoOfScratch(partial);
  } catch (error) {
    await dropScratch(partial);
    throw error;
  }
}

/** The same for a stream (a gzip of many MB), so it never sits whole in memory. */
export async function writeStreamAtomically(path: string, body: NodeJS.ReadableStream): Promise<void> {
  const partial = scratchBeside(path);
  try {
    await pipeline(body, createWriteStream(partial));
    await rename(partial, path);
    letGoOfScratch(partial);
  } catch (error) {
    await dropScratch(partial);
    throw error;
  }
}
