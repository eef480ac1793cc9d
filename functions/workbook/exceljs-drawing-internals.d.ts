// exceljs ships no types for its internal modules; streamed-pictures.ts narrows what it uses.
declare module 'exceljs/lib/xlsx/xform/core/content-types-xform.js' {
  const ContentTypesXform: new () => { toXml(model: unknown): string };
  export default ContentTypesXform;
}
