import { parseArgs } from 'node:util';
import { z } from 'zod';
import { InvalidInputError } from '#core/errors.js';

/** What `npm run check-deployment` checks: the deployment's settings, by flag or by the function's own variable names. */
export interface CheckDeploymentOptions {
  readonly secretId: string;
  readonly sender: string;
  readonly recipients: readonly string[];
  readonly linkBaseUrl: string | undefined;
  readonly alarmTopicArn: string | undefined;
  /** Undefined for `--alarm-email none`: the stack sends alarms to nobody by email. */
  readonly alarmEmail: string | undefined;
  readonly devinApiUrl: string | undefined;
  readonly apiVersion: 'v2' | 'v3' | undefined;
  readonly json: boolean;
  readonly help: boolean;
}

export const CHECK_DEPLOYMENT_USAGE = `usage: npm run check-deployment -- --secret-id <ApiKeySecretId> --sender <address> --recipients <a,b> [--link-url <DownloadBaseUrl>] [--alarm-topic <AlarmTopicArn> --alarm-email <address|none>] [--devin-url <url>] [--api-version v2|v3] [--json]

Reads the deployed stack's settings and services and sends nothing: the Devin key secret, the
key's access, SES's sender, sandbox and recipients, the alarm subscription and the link service.
Each flag falls back to the report function's variable of the same meaning: DEVIN_API_KEY_SECRET,
EMAIL_SENDER, EMAIL_RECIPIENTS, LINK_BASE_URL, ALARM_TOPIC_ARN, ALARM_EMAIL, DEVIN_API_URL, DEVIN_API_VERSION. AWS credentials
and region come from the usual AWS configuration (AWS_PROFILE, AWS_REGION).
Exit code: 0 no problem, 1 a problem row, 2 the command line was wrong.
`;

const FLAGS = {
  'secret-id': { env: 'DEVIN_API_KEY_SECRET' },
  sender: { env: 'EMAIL_SENDER' },
  recipients: { env: 'EMAIL_RECIPIENTS' },
  'link-url': { env: 'LINK_BASE_URL' },
  'alarm-topic': { env: 'ALARM_TOPIC_ARN' },
  'alarm-email': { env: 'ALARM_EMAIL' },
  'devin-url': { env: 'DEVIN_API_URL' },
  'api-version': { env: 'DEVIN_API_VERSION' },
} as const;

const SECRET_MISSING = 'is required: the stack output ApiKeySecretId (DEVIN_API_KEY_SECRET)';

const optionsSchema = z.object({
  'secret-id': z.string({ error: SECRET_MISSING }).trim().min(1, SECRET_MISSING),
  sender: z.email({
    error: (issue) =>
      issue.input === undefined
        ? 'is required: the address the report is sent from (EMAIL_SENDER)'
        : 'is not an e-mail address',
  }),
  recipients: z
    .string({ error: 'is required: the report recipients, comma-separated (EMAIL_RECIPIENTS)' })
    .transform((text) =>
      text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.email('is not a list of e-mail addresses separated by commas')).min(1).max(50)),
  'link-url': z.url({ protocol: /^https?$/ }).optional(),
  'alarm-topic': z
    .string()
    .regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_.-]+$/, 'is not an SNS topic ARN')
    .optional(),
  'alarm-email': z
    .union([z.literal('none'), z.email()], { error: 'is not an e-mail address or none' })
    .optional(),
  'devin-url': z.url({ protocol: /^https?$/ }).optional(),
  'api-version': z.enum(['v2', 'v3']).optional(),
});

/** Flags first, then the variables; every problem names the flag and its value. */
export function parseCheckDeploymentOptions(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): CheckDeploymentOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      'secret-id': { type: 'string' },
      sender: { type: 'string' },
      recipients: { type: 'string' },
      'link-url': { type: 'string' },
      'alarm-topic': { type: 'string' },
      'alarm-email': { type: 'string' },
      'devin-url': { type: 'string' },
      'api-version': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help === true) {
    return {
      secretId: '',
      sender: '',
      recipients: [],
      linkBaseUrl: undefined,
      alarmTopicArn: undefined,
      alarmEmail: undefined,
      devinApiUrl: undefined,
      apiVersion: undefined,
      json: false,
      help: true,
    };
  }
  const raw = Object.fromEntries(
    Object.entries(FLAGS).map(([flag, { env: name }]) => {
      const value = values[flag as keyof typeof FLAGS];
      const text = typeof value === 'string' ? value : env[name];
      return [flag, text === undefined || text.trim() === '' ? undefined : text.trim()];
    }),
  );
  const parsed = optionsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = String(issue?.path[0] ?? 'options');
    throw new InvalidInputError(`--${flag}`, raw[flag], issue?.message ?? 'is invalid');
  }
  const o = parsed.data;
  // Without the address the row cannot tell "none on purpose" from "forgot to say".
  if (o['alarm-topic'] !== undefined && o['alarm-email'] === undefined) {
    throw new InvalidInputError(
      '--alarm-email',
      undefined,
      "is required with --alarm-topic: the stack's alarmEmail, or none (ALARM_EMAIL)",
    );
  }
  return {
    secretId: o['secret-id'],
    sender: o.sender,
    recipients: o.recipients,
    linkBaseUrl: o['link-url'],
    alarmTopicArn: o['alarm-topic'],
    alarmEmail: o['alarm-email'] === 'none' ? undefined : o['alarm-email'],
    devinApiUrl: o['devin-url'],
    apiVersion: o['api-version'],
    json: values.json === true,
    help: false,
  };
}
