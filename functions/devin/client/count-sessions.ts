import { z } from 'zod';
import { SESSIONS_PATH } from './fetch-sessions.js';
import { getJson } from './get-json.js';
import type { HttpSettings } from './http-settings.js';
import { dataErrorOf } from './parse-record.js';
import { sessionListParams } from './session-list-params.js';
import type { SessionQuery } from './session-query.js';

const countSchema = z.object({ total: z.int().nonnegative() });

/**
 * How many sessions the listing of `query` will hold, before reading it: the `total` of a
 * one-item page with the listing's own parameters. An estimate for planning (a session may be
 * added meanwhile, and the lower bound is sent 1 ms early); the fetch itself checks completeness.
 */
export async function countSessions(http: HttpSettings, query: SessionQuery): Promise<number> {
  const params = sessionListParams(query);
  params.set('limit', '1');
  params.set('skip', '0');
  const json = await getJson(http, SESSIONS_PATH, params);
  const parsed = countSchema.safeParse(json);
  if (!parsed.success) throw dataErrorOf(parsed.error, json, 'session count', null);
  return parsed.data.total;
}
