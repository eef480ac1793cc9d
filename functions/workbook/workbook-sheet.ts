import type { StreamingWorkbook } from './table-sheet.js';
import type { WorkbookInput } from './workbook-input.js';

/** One sheet of the workbook: adds itself, writes its rows and commits before the next sheet starts. */
export interface WorkbookSheet {
  readonly name: string;
  write(workbook: StreamingWorkbook, input: WorkbookInput): Promise<void>;
}
