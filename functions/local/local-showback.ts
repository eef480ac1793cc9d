import { join, resolve } from 'node:path';
import { buildRawMessage } from '#email/raw-message.js';
import { putShowbackWorkbook } from '#showback/put-showback-workbook.js';
import type { ShowbackDelivery } from '#showback/run-showback.js';
import { folderObjectStore } from '#store/folder-object-store.js';
import { writeFileAtomically } from './write-file-atomically.js';

/**
 * Showback on a laptop: each owner's slice workbook and email preview
 * (.email.html and .eml) into `<outDir>/<report>.showback/`. Nothing is sent.
 */
export function createLocalShowback(options: {
  readonly outDir: string;
  /** The finance workbook's base name, e.g. devin-acu-chargeback-2026-10. */
  readonly baseName: string;
  readonly previewFrom: string;
  readonly now: () => Date;
}): ShowbackDelivery & { readonly folder: string } {
  const outDir = resolve(options.outDir);
  const folderName = `${options.baseName}.showback`;
  const folder = join(outDir, folderName);
  return {
    folder,
    begin: async () => ({ kind: 'go' }),
    async store(_owner, workbook) {
      const key = await putShowbackWorkbook(folderObjectStore(outDir), `${folderName}/`, workbook, {});
      const path = join(outDir, key);
      return { workbookFileName: workbook.fileName, location: { kind: 'file', path }, attached: false };
    },
    async send(owner, email) {
      const base = join(folder, owner.email);
      const raw = await buildRawMessage({
        from: options.previewFrom,
        to: [owner.email],
        subject: email.subject,
        html: email.html,
        text: email.text,
        date: options.now(),
      });
      await writeFileAtomically(`${base}.email.html`, email.html);
      await writeFileAtomically(`${base}.eml`, raw);
      return { messageId: `${base}.eml` };
    },
    complete: async () => {},
    abandon: async () => {},
  };
}
