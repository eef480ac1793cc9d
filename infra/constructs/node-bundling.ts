import { type BundlingOptions, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';

/** How every function of the stack is bundled: one ESM file for Node.js 24 (nodejs24.x), the SDK inside. */
export const LAMBDA_ESM_BUNDLING: BundlingOptions = {
  format: OutputFormat.ESM,
  target: 'node24',
  mainFields: ['module', 'main'],
  // CommonJS dependencies (exceljs and friends) call require(); ESM output has none of its own.
  banner:
    "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  minify: true,
  sourceMap: true,
  // Stack traces need file and line, not the sources: keeps the map a few MB smaller.
  sourcesContent: false,
  // Bundle the SDK too, so the code runs against the versions it was tested with.
  externalModules: [],
  forceDockerBundling: false,
};
