/** A Lambda Function URL event (payload format 2.0) for a URL, as the Lambda service builds it. */
export function functionUrlEvent(
  url: string,
  options: { method?: string; sourceIp?: string; userAgent?: string } = {},
): Record<string, unknown> {
  const parsed = new URL(url);
  const method = options.method ?? 'GET';
  const userAgent = options.userAgent ?? 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)';
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: parsed.pathname,
    rawQueryString: parsed.search.slice(1),
    headers: { host: parsed.host, 'user-agent': userAgent, accept: 'text/html' },
    requestContext: {
      accountId: 'anonymous',
      apiId: 'abcdefghijklmnopqrstuvwxyz',
      domainName: parsed.host,
      domainPrefix: parsed.host.split('.')[0],
      http: {
        method,
        path: parsed.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: options.sourceIp ?? '203.0.113.7',
        userAgent,
      },
      requestId: 'c5a4c6d3-0000-4000-8000-000000000000',
      routeKey: '$default',
      stage: '$default',
      time: '01/Nov/2026:06:00:00 +0000',
      timeEpoch: 1_793_512_800_000,
    },
    isBase64Encoded: false,
  };
}
