import * as z from 'zod/mini';
import { parseEnvironment } from '#environment/parse-environment.js';

/** The link service's configuration, read from its environment once per container. */
export interface LinkServiceConfig {
  readonly bucket: string;
  /** Always ends with '/' (or is empty): only workbooks under it are ever served. */
  readonly prefix: string;
  /** Secrets Manager id of the signing keys. */
  readonly signingSecretId: string;
}

const required = (name: string) =>
  z
    .string({ error: `${name} is required` })
    .check(z.trim(), z.minLength(1, { error: `${name} is required` }));

const environment = z.object({
  REPORT_BUCKET: required('REPORT_BUCKET'),
  REPORT_PREFIX: z._default(z.string().check(z.trim()), 'reports/'),
  LINK_SIGNING_SECRET: required('LINK_SIGNING_SECRET'),
});

export function linkServiceConfigFromEnv(env: Record<string, string | undefined>): LinkServiceConfig {
  const e = parseEnvironment(environment, env);
  const prefix =
    e.REPORT_PREFIX === '' || e.REPORT_PREFIX.endsWith('/') ? e.REPORT_PREFIX : `${e.REPORT_PREFIX}/`;
  return { bucket: e.REPORT_BUCKET, prefix, signingSecretId: e.LINK_SIGNING_SECRET };
}
