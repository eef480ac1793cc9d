// A static import, so bundlers ship the very module exceljs itself uses.
import WorksheetWriter from 'exceljs/lib/stream/xlsx/worksheet-writer.js';

interface HyperlinkModel {
  readonly address: string;
  readonly rId: string;
  readonly tooltip?: string;
  readonly target?: string;
}

interface WorksheetWriterInternals {
  stream: { write(chunk: string): unknown };
  _sheetRelsWriter: { _hyperlinks: readonly HyperlinkModel[] };
  _writeHyperlinks(): void;
}

const HYPERLINKS_PER_WRITE = 10_000;
let installed = false;

/**
 * exceljs 4.4's streaming worksheet renders the sheet's whole `<hyperlinks>`
 * element as one string when the sheet is committed: for a 500,000-session
 * Sessions sheet that is a ~100 MB spike at the very end of the run. This writes
 * the same XML in slices instead. Only plain external links (a cell address and a
 * relationship id, which is all the Sessions sheet writes) take the sliced path;
 * anything else goes through exceljs's own code, unchanged.
 */
export function streamHyperlinksInSlices(): void {
  if (installed) return;
  installed = true;
  const prototype = (WorksheetWriter as { prototype: WorksheetWriterInternals }).prototype;
  const original = prototype._writeHyperlinks;
  prototype._writeHyperlinks = function writeHyperlinksInSlices(this: WorksheetWriterInternals) {
    const links = this._sheetRelsWriter._hyperlinks;
    if (links.length === 0 || links.some((link) => link.tooltip !== undefined || link.target !== undefined)) {
      original.call(this);
      return;
    }
    this.stream.write('<hyperlinks>');
    for (let i = 0; i < links.length; i += HYPERLINKS_PER_WRITE) {
      let slice = '';
      for (const link of links.slice(i, i + HYPERLINKS_PER_WRITE)) {
        slice += `<hyperlink ref="${link.address}" r:id="${link.rId}"/>`;
      }
      this.stream.write(slice);
    }
    this.stream.write('</hyperlinks>');
  };
}
