import { dailyConsumption } from './daily-consumption.js';
import type { QueryReader } from './query-reader.js';
import type { JsonReply } from './routes.js';
import type { ServedData } from './served-data.js';

/**
 * `GET /v2/enterprise/consumption/daily?start_date=&end_date=[&org_ids=…]`: both dates required,
 * both included (the vendor does not document that; the client checks the answer against it).
 */
export function answerDailyConsumption(query: QueryReader, data: ServedData): JsonReply {
  const firstDay = query.requiredDay('start_date');
  const lastDay = query.requiredDay('end_date');
  const orgIds = query.list('org_ids');
  if (query.issues.length > 0 || firstDay === null || lastDay === null) {
    return { status: 422, body: { detail: query.issues } };
  }
  if (lastDay < firstDay) {
    // The vendor's behaviour is undocumented; a clear 400 keeps a client bug from passing as "no usage".
    return { status: 400, body: { detail: 'start_date must be on or before end_date' } };
  }
  return { status: 200, body: dailyConsumption(data.consumption(), { firstDay, lastDay, orgIds }) };
}

/** `GET /v2/enterprise/consumption/cycles`: a bare array of `{start, end}`, oldest first. */
export function answerBillingCycles(data: ServedData): JsonReply {
  return { status: 200, body: data.billingCycles };
}
