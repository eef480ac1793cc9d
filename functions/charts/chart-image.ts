/** A chart as the email and the workbook carry it. */
export interface ChartImage {
  /** Stable name: the local preview's file suffix, the MIME part's file name. */
  readonly kind: 'cost-by-org' | 'cost-trend';
  readonly title: string;
  /** The figures in words, for `alt` and for readers who do not see images. */
  readonly alt: string;
  readonly png: Buffer;
  /** The size to show it at (CSS px in the email, px on the sheet); the PNG has `scale` × as many pixels. */
  readonly width: number;
  readonly height: number;
  /** For `cid:` references; unique within one message. */
  readonly contentId: string;
}

/** "cost-by-org.png" */
export function chartFileName(image: Pick<ChartImage, 'kind'>): string {
  return `${image.kind}.png`;
}
