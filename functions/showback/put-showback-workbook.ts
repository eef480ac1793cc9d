import { createReadStream } from 'node:fs';
import type { ObjectStore } from '#store/object-store.js';
import { XLSX_CONTENT_TYPE } from '#workbook/workbook-file-name.js';
import type { SliceWorkbook } from './run-showback.js';

/**
 * One owner's slice workbook into the report's showback folder (`<report>.showback/`), streamed
 * through the store the same way to a bucket or a folder; returns its key.
 */
export async function putShowbackWorkbook(
  store: ObjectStore,
  folder: string,
  workbook: SliceWorkbook,
  metadata: Readonly<Record<string, string>>,
): Promise<string> {
  const key = `${folder}${workbook.fileName}`;
  await store.put(key, createReadStream(workbook.path), {
    contentType: XLSX_CONTENT_TYPE,
    fileName: workbook.fileName,
    metadata,
  });
  return key;
}
