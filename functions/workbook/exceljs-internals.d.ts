// exceljs ships no types for its internal modules; streamed-hyperlinks.ts narrows what it uses.
declare module 'exceljs/lib/stream/xlsx/worksheet-writer.js' {
  const WorksheetWriter: unknown;
  export default WorksheetWriter;
}
