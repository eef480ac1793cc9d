import type { CheckRow } from '#core/check/check-row.js';

const ANSWER_TIMEOUT_MS = 10_000;

/**
 * The download-link service answers at its Function URL: any HTTP answer below 500 (its root is
 * no link, so a 4xx is expected) means finance's links will open. Off (`durableLinks=false`),
 * emails carry presigned S3 links and there is nothing to ask.
 */
export async function checkLinkService(
  baseUrl: string | undefined,
  fetchImpl: typeof fetch = fetch,
): Promise<CheckRow> {
  const item = 'Download link service';
  if (baseUrl === undefined) {
    return {
      item,
      status: 'not checked',
      found: 'not deployed (durableLinks=false): emails carry presigned S3 links',
      todo: '',
    };
  }
  const started = Date.now();
  try {
    const response = await fetchImpl(baseUrl, {
      redirect: 'manual',
      signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
    });
    await response.body?.cancel();
    const found = `${baseUrl} answered HTTP ${response.status} in ${Date.now() - started} ms`;
    return response.status < 500
      ? { item, status: 'ok', found, todo: '' }
      : {
          item,
          status: 'problem',
          found,
          todo: 'read the link function’s log group (LinkFunctionLogGroupName)',
        };
  } catch (error) {
    return {
      item,
      status: 'problem',
      found: `${baseUrl} did not answer: ${error instanceof Error ? error.message : String(error)}`,
      todo: 'check the stack output DownloadBaseUrl and the link function’s log group',
    };
  }
}
