import type { ChartImage } from '#charts/chart-image.js';
import { escapeHtml } from './escape-html.js';

/** A chart as the email shows it: an image the message carries inline, and its figures in words. */
export interface EmailChart {
  /** `cid:…` in the sent message; the preview swaps in a file name. */
  readonly src: string;
  readonly alt: string;
  readonly width: number;
  readonly height: number;
}

export function emailChart(image: ChartImage): EmailChart {
  return { src: `cid:${image.contentId}`, alt: image.alt, width: image.width, height: image.height };
}

/**
 * Each chart as a block image: the width attribute for Outlook (which ignores
 * max-width), then CSS that lets it shrink with a phone's screen and never
 * grow past the size it was drawn for.
 */
export function chartsHtml(charts: readonly EmailChart[]): string {
  return charts
    .map(
      (chart) =>
        `<p style="margin:16px 0 0 0;"><img src="${escapeHtml(chart.src)}" alt="${escapeHtml(chart.alt)}" width="${chart.width}" style="display:block;width:100%;max-width:${chart.width}px;height:auto;border:0;outline:none;text-decoration:none;"></p>`,
    )
    .join('\n');
}

/**
 * The local preview opens in a browser, which knows nothing of `cid:`: point
 * each image at the PNG file written beside the page instead.
 */
export function previewHtml(
  html: string,
  images: readonly ChartImage[],
  fileNameOf: (image: ChartImage) => string,
): string {
  let page = html;
  for (const image of images) {
    page = page.replaceAll(
      `src="${escapeHtml(`cid:${image.contentId}`)}"`,
      `src="${escapeHtml(fileNameOf(image))}"`,
    );
  }
  return page;
}
