/**
 * The heartbeat: every scheduled run (the monthly one and the daily catch-up) says 1 when the
 * period it is for is not closed although it could have been for HEARTBEAT_HOURS, else 0. Written
 * as CloudWatch embedded metric format on stdout, as the key-expiry metric is: no API call, no
 * grant. A day without it (the schedule stopped, the function failing at start) is missing data,
 * which the stack's alarm treats as breaching.
 */
export const CLOSE_OVERDUE_METRIC = { namespace: 'DevinChargeback', name: 'PeriodCloseOverdue' } as const;

export function closeOverdueMetricLine(overdue: boolean, period: string, now: Date): string {
  return JSON.stringify({
    _aws: {
      Timestamp: now.getTime(),
      CloudWatchMetrics: [
        {
          Namespace: CLOSE_OVERDUE_METRIC.namespace,
          Dimensions: [[]],
          Metrics: [{ Name: CLOSE_OVERDUE_METRIC.name, Unit: 'Count' }],
        },
      ],
    },
    [CLOSE_OVERDUE_METRIC.name]: overdue ? 1 : 0,
    period,
  });
}
