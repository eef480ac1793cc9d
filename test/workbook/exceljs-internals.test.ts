import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

// streamed-hyperlinks.ts replaces WorksheetWriter#_writeHyperlinks, zip-backpressure.ts reads the
// zip input's _writableState through StreamBuf's pipes, and streamed-pictures.ts renders with
// ContentTypesXform. None of that is exceljs's public API, so the version is pinned exactly and
// the files those patches rest on are fingerprinted: an upgrade fails here, naming the file to
// re-read, instead of silently losing the patch's memory bound in production.
const require = createRequire(import.meta.url);
const exceljsRoot = dirname(require.resolve('exceljs/package.json'));

const PINNED_VERSION = '4.4.0';
const PATCHED_INTERNALS: Record<string, { sha256: string; usedBy: string }> = {
  'lib/stream/xlsx/worksheet-writer.js': {
    sha256: 'dd8f0602666dd50e6a1260b98e3d13582f100dd8cb3aa727342909066f009754',
    usedBy: 'functions/workbook/streamed-hyperlinks.ts (_writeHyperlinks, _sheetRelsWriter, stream)',
  },
  'lib/utils/stream-buf.js': {
    sha256: '40dc7250baefde463a2aa348044033317aab9ce6c530132d5d8a821ed285d2ad',
    usedBy: 'functions/workbook/zip-backpressure.ts (pipes[0]._writableState)',
  },
  'lib/stream/xlsx/workbook-writer.js': {
    sha256: 'd255ad6d111cb1010c7c9b9aff01c1440ea7388202b7c242319c22dcf0fe60b3',
    usedBy: 'functions/workbook/zip-backpressure.ts (the archiver zip each sheet pipes into)',
  },
  'lib/xlsx/xform/core/content-types-xform.js': {
    sha256: 'a57f02acd31bfadc042d8eb01518f51e87e649fd2b3cecf0f3464b32c2569de9',
    usedBy: 'functions/workbook/streamed-pictures.ts (ContentTypesXform#toXml)',
  },
};

describe('exceljs internals the workbook patches', () => {
  it('is the exact version package.json pins', () => {
    const pkg = JSON.parse(readFileSync(join(exceljsRoot, 'package.json'), 'utf8')) as { version: string };
    const ours = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    expect(ours.dependencies.exceljs, 'package.json must pin exceljs exactly (no ^ or ~)').toBe(
      PINNED_VERSION,
    );
    expect(pkg.version).toBe(PINNED_VERSION);
  });

  it.each(Object.entries(PATCHED_INTERNALS))(
    '%s is the file the patch was written against',
    (file, expected) => {
      const actual = createHash('sha256')
        .update(readFileSync(join(exceljsRoot, file)))
        .digest('hex');
      expect(
        actual,
        `exceljs ${file} changed: re-check ${expected.usedBy}, then update this fingerprint`,
      ).toBe(expected.sha256);
    },
  );
});
