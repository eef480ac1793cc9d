import type { Worksheet } from 'exceljs';
// A static import, so bundlers ship the very module exceljs itself uses.
import ContentTypesXform from 'exceljs/lib/xlsx/xform/core/content-types-xform.js';
import type { StreamingWorkbook } from './table-sheet.js';

/** A PNG placed on a sheet at its own size, its top-left corner at a cell. */
export interface SheetPicture {
  readonly png: Buffer;
  /** Shown size in px (the PNG may have more pixels, for sharp zoom and print). */
  readonly width: number;
  readonly height: number;
  /** Zero-based cell of the top-left corner. */
  readonly col: number;
  readonly row: number;
  readonly name: string;
  /** The picture's alternative text (Excel's "Alt Text", read by screen readers). */
  readonly description: string;
}

const EMU_PER_PX = 9525;
const DRAWING_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const IMAGE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';

interface WorksheetWriterInternals {
  readonly id: number;
  readonly stream: { write(chunk: string): unknown };
  readonly _sheetRelsWriter: { addRelationship(rel: { Target: string; Type: string }): string };
  _writeLegacyData(): void;
}

interface WorkbookWriterInternals {
  readonly zip: { append(source: string | Buffer, data: { name: string }): unknown };
  readonly _worksheets: readonly unknown[];
  readonly sharedStrings: unknown;
  readonly commentRefs: unknown;
  readonly media: readonly unknown[];
  addContentTypes(): Promise<void>;
}

const drawingsOf = new WeakMap<object, { name: string }[]>();

/**
 * Pictures on a sheet of exceljs's streaming writer, which has
 * `workbook.addImage` but no `worksheet.addImage` (exceljs 4.4 writes images
 * only from the in-memory workbook). This writes what Excel itself writes: the
 * PNG under xl/media (through exceljs's own media list), a DrawingML part
 * anchoring it, the sheet's `<drawing r:id>` and the part's content type.
 * Call before the sheet is committed.
 */
export function addPicturesToSheet(
  workbook: StreamingWorkbook,
  worksheet: Worksheet,
  pictures: readonly SheetPicture[],
): void {
  if (pictures.length === 0) return;
  const book = workbook as unknown as WorkbookWriterInternals;
  const sheet = worksheet as unknown as WorksheetWriterInternals;
  const drawings = drawingsFor(book);
  const name = `drawing${drawings.length + 1}`;
  drawings.push({ name });

  const imageRels = pictures.map((picture, i) => {
    const imageId = workbook.addImage({ buffer: picture.png, extension: 'png' } as never);
    return `<Relationship Id="rId${i + 1}" Type="${IMAGE_REL}" Target="../media/image${imageId}.png"/>`;
  });
  book.zip.append(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${imageRels.join('')}</Relationships>`,
    { name: `xl/drawings/_rels/${name}.xml.rels` },
  );
  book.zip.append(drawingXml(pictures), { name: `xl/drawings/${name}.xml` });

  const rId = sheet._sheetRelsWriter.addRelationship({
    Target: `../drawings/${name}.xml`,
    Type: DRAWING_REL,
  });
  // <drawing> belongs after the page setup and before <legacyDrawing> in the sheet's XML.
  const writeLegacyData = sheet._writeLegacyData;
  sheet._writeLegacyData = function writeDrawingThenLegacyData(this: WorksheetWriterInternals) {
    this.stream.write(`<drawing r:id="${rId}"/>`);
    writeLegacyData.call(this);
  };
}

/** The workbook's drawing parts; the first call also makes [Content_Types].xml list them. */
function drawingsFor(book: WorkbookWriterInternals): { name: string }[] {
  const known = drawingsOf.get(book);
  if (known) return known;
  const drawings: { name: string }[] = [];
  drawingsOf.set(book, drawings);
  // Same model exceljs's own addContentTypes builds, plus the drawings its streaming writer leaves out.
  book.addContentTypes = function addContentTypesWithDrawings(this: WorkbookWriterInternals) {
    const xml = new ContentTypesXform().toXml({
      worksheets: this._worksheets.filter(Boolean),
      sharedStrings: this.sharedStrings,
      commentRefs: this.commentRefs,
      media: this.media,
      drawings,
    });
    this.zip.append(xml, { name: '[Content_Types].xml' });
    return Promise.resolve();
  };
  return drawings;
}

function drawingXml(pictures: readonly SheetPicture[]): string {
  const anchors = pictures.map((picture, i) => {
    const cx = Math.round(picture.width * EMU_PER_PX);
    const cy = Math.round(picture.height * EMU_PER_PX);
    return `<xdr:oneCellAnchor><xdr:from><xdr:col>${picture.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${picture.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="${cx}" cy="${cy}"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${i + 2}" name="${xmlAttr(picture.name)}" descr="${xmlAttr(picture.description)}"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId${i + 1}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${anchors.join('')}</xdr:wsDr>`;
}

function xmlAttr(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\p{Cc}/gu, ' ');
}
