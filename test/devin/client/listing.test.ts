import { describe, expect, it } from 'vitest';
import { DevinApiError } from '#devin/client/devin-api-error.js';
import { unavailableListing } from '#devin/client/listing.js';

function apiError(status: number | null): DevinApiError {
  return new DevinApiError({
    status,
    method: 'GET',
    path: '/v2/enterprise/members',
    attempt: 1,
    bodyExcerpt: null,
    reason: status === null ? 'connection reset' : `HTTP ${status}`,
  });
}

describe('unavailableListing', () => {
  it.each([403, 404])('turns a %i into unavailable, with its reason, endpoint and warning', (status) => {
    const warnings: string[] = [];
    const listing = unavailableListing(apiError(status), {
      reason: (e) => `refused after ${e.attempt}`,
      endpoint: '/v3/enterprise/members',
      onWarning: (message) => warnings.push(message),
    });
    expect(listing).toEqual({
      kind: 'unavailable',
      status,
      reason: 'refused after 1',
      endpoint: '/v3/enterprise/members',
    });
    expect(warnings).toEqual([apiError(status).message]);
  });

  it('leaves the endpoint out when none is given', () => {
    expect(unavailableListing(apiError(404), { reason: () => 'gone' })).not.toHaveProperty('endpoint');
  });

  it.each([
    ['a server error', apiError(500)],
    ['no answer at all', apiError(null)],
    ['a rejected request', apiError(400)],
    ['an error that is not the API’s', new TypeError('bad code')],
  ])('throws %s on: only a refusal may leave a listing out', (_, error) => {
    const warnings: string[] = [];
    expect(() =>
      unavailableListing(error, { reason: () => 'x', onWarning: (m) => warnings.push(m) }),
    ).toThrow(error);
    expect(warnings).toEqual([]);
  });
});
