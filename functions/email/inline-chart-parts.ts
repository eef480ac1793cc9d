import { type ChartImage, chartFileName } from '#charts/chart-image.js';
import type { RawMessageInput } from './raw-message.js';

/** The charts as the MIME parts the HTML's `cid:` references point at. */
export function inlineChartParts(images: readonly ChartImage[] | undefined): RawMessageInput['inlineImages'] {
  return (images ?? []).map((image) => ({
    filename: chartFileName(image),
    contentType: 'image/png',
    content: image.png,
    cid: image.contentId,
  }));
}
