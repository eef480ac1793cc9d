import { describe, expect, it } from 'vitest';
import { parseFunctionUrlEvent } from '#links/function-url-event.js';
import { functionUrlEvent } from './function-url-event.js';

describe('parseFunctionUrlEvent', () => {
  it('reads method, path, source IP and user agent of a Function URL event', () => {
    expect(
      parseFunctionUrlEvent(
        functionUrlEvent('https://x.on.aws/r/v1.abc/download?utm=1', { method: 'head', userAgent: 'curl/8' }),
      ),
    ).toEqual({
      method: 'HEAD',
      rawPath: '/r/v1.abc/download',
      sourceIp: '203.0.113.7',
      userAgent: 'curl/8',
    });
  });

  it('cuts an absurd user agent for the log', () => {
    const parsed = parseFunctionUrlEvent(
      functionUrlEvent('https://x.on.aws/', { userAgent: 'A'.repeat(5000) }),
    );
    expect(parsed?.userAgent).toHaveLength(300);
  });

  it.each([
    ['a scheduled event', { source: 'aws.events' }],
    ['nothing', undefined],
    ['a REST API v1 event', { path: '/r/x', httpMethod: 'GET' }],
  ])('refuses %s', (_name, event) => {
    expect(parseFunctionUrlEvent(event)).toBeUndefined();
  });
});
