import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { CHART_ASSET_MODULES } from './chart-assets.js';

/*
 * resvg compiled to WebAssembly: the same bytes on an x64 laptop and the
 * arm64 Lambda, no browser, no native build. It never looks at system fonts;
 * DejaVu Sans ships as an npm package, so text renders the same everywhere.
 */

export class ChartRenderError extends Error {
  override readonly name = 'ChartRenderError';
  constructor(
    readonly chart: string,
    options: { cause: unknown },
  ) {
    const detail = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(`could not render the ${chart} chart: ${detail}`, options);
  }
}

interface Rasteriser {
  readonly fonts: Uint8Array[];
}

let loading: Promise<Rasteriser> | undefined;

function rasteriser(): Promise<Rasteriser> {
  loading ??= load().catch((error: unknown) => {
    // A failed load (a missing file) may be fixed by the next call; a successful init must not repeat.
    loading = undefined;
    throw error;
  });
  return loading;
}

async function load(): Promise<Rasteriser> {
  const resolveAsset = createRequire(import.meta.url).resolve;
  const [wasm, regular, bold] = await Promise.all(
    [CHART_ASSET_MODULES.wasm, CHART_ASSET_MODULES.regular, CHART_ASSET_MODULES.bold].map((asset) =>
      readFile(resolveAsset(asset)),
    ),
  );
  await initWasm(wasm as Buffer);
  return { fonts: [regular as Buffer, bold as Buffer] };
}

export interface RasterImage {
  readonly png: Buffer;
  /** In pixels of the PNG. */
  readonly pixelWidth: number;
  readonly pixelHeight: number;
}

/** PNG of an SVG at `scale` × its own size (2 for sharp text on phones and high-DPI screens). */
export async function rasteriseSvg(chart: string, svg: string, scale = 2): Promise<RasterImage> {
  try {
    const { fonts } = await rasteriser();
    const resvg = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: scale },
      font: { fontBuffers: fonts, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
      textRendering: 1,
    });
    try {
      const image = resvg.render();
      const png = Buffer.from(image.asPng());
      const result = { png, pixelWidth: image.width, pixelHeight: image.height };
      image.free();
      return result;
    } finally {
      resvg.free();
    }
  } catch (cause) {
    throw new ChartRenderError(chart, { cause });
  }
}
