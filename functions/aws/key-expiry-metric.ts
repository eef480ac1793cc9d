/**
 * The metric a run emits when the Devin key's recorded expiry is known: 1 from 35 days before it
 * expires (and after), else 0. The stack's alarm watches it. Written as CloudWatch embedded metric
 * format on stdout, which Lambda's log stream turns into a metric without an API call or a grant.
 */
export const KEY_EXPIRY_METRIC = { namespace: 'DevinChargeback', name: 'DevinKeyExpiringSoon' } as const;

export function keyExpiryMetricLine(expiringSoon: boolean, daysLeft: number, now: Date): string {
  return JSON.stringify({
    _aws: {
      Timestamp: now.getTime(),
      CloudWatchMetrics: [
        {
          Namespace: KEY_EXPIRY_METRIC.namespace,
          Dimensions: [[]],
          Metrics: [{ Name: KEY_EXPIRY_METRIC.name, Unit: 'Count' }],
        },
      ],
    },
    [KEY_EXPIRY_METRIC.name]: expiringSoon ? 1 : 0,
    daysLeft,
  });
}
