/**
 * The files the chart renderer reads at run time, as module paths. esbuild
 * cannot bundle them (binary, read with readFile), so the Lambda bundle copies
 * them into its own node_modules (infra/constructs/chart-assets.ts), where the
 * same resolution finds them.
 */
export const CHART_ASSET_MODULES = {
  wasm: '@resvg/resvg-wasm/index_bg.wasm',
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
} as const;
