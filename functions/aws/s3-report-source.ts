import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { InvalidSummaryDocumentError, parseSummaryDocument } from '#core/report/summary-document.js';
import type { ReportFile, ReportSource } from '#links/report-source.js';
import { XLSX_CONTENT_TYPE } from '#workbook/workbook-file-name.js';
import { describeError, ReportStoreError } from './aws-errors.js';
import { createDownloadLink } from './download-link.js';
import { getJsonObject } from './report-object-store.js';
import { isMissingObject, s3StatusOf } from './s3-error-kind.js';

/**
 * The link role may read every workbook and summary under the prefix but may not list the bucket,
 * so S3 answers a missing one with 403, not 404 (HeadObject's documented behaviour): for the keys
 * this source is asked for, a refusal means the object is not there.
 */
function isMissingToTheLinkRole(error: unknown): boolean {
  return s3StatusOf(error) === 403;
}

/** Far below the five minutes the issue allows: the redirect is followed at once. */
export const DOWNLOAD_URL_SECONDS = 120;

/**
 * The link service's view of the bucket: HEAD for the workbook's size and
 * metadata, summary.json beside it for the landing page, and a presigned GET
 * of a couple of minutes that makes S3 answer with an attachment of the xlsx type.
 */
export function s3ReportSource(s3: S3Client, bucket: string): ReportSource {
  return {
    async find(key): Promise<ReportFile | undefined> {
      try {
        const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return {
          key,
          fileName: key.slice(key.lastIndexOf('/') + 1),
          sizeBytes: head.ContentLength ?? 0,
          metadata: head.Metadata ?? {},
        };
      } catch (error) {
        if (isMissingObject(error) || isMissingToTheLinkRole(error)) return undefined;
        throw new ReportStoreError(
          `could not look the report up: ${describeError(error)}`,
          { bucket, key, operation: 'get-object' },
          { cause: error },
        );
      }
    },
    async summary(file) {
      const json = await getJsonObject(s3, bucket, file.key.replace(/\.xlsx$/, '.summary.json')).catch(
        (error: unknown) => {
          // An older report has no summary: the page falls back to the workbook's metadata.
          if (error instanceof ReportStoreError && isMissingToTheLinkRole(error.cause)) return undefined;
          throw error;
        },
      );
      if (json === undefined) return undefined;
      try {
        return parseSummaryDocument(json);
      } catch (error) {
        if (!(error instanceof InvalidSummaryDocumentError)) throw error;
        // The landing page falls back to the workbook's metadata; the download is unaffected.
        return undefined;
      }
    },
    async downloadUrl(file, now) {
      const link = await createDownloadLink(s3, {
        bucket,
        key: file.key,
        ttlSeconds: DOWNLOAD_URL_SECONDS,
        now,
        asAttachment: { fileName: file.fileName, contentType: XLSX_CONTENT_TYPE },
      });
      return link.url;
    },
  };
}
