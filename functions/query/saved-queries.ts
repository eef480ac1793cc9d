/*
 * The ready queries of docs/focus.md, kept here so `npm run query -- NAME` runs them
 * and the tests prove them. Each is plain SQL that Athena (Trino) and DuckDB
 * both accept: lower-case column names (Athena lower-cases them), `substr`,
 * `CAST`, `year`/`month`, window functions. Costs are the exact cents the
 * workbooks charge, shown as DECIMAL(18,2) (no rounding: BilledCost is whole
 * cents); ACUs are rounded to 2 decimals for reading only.
 */

export interface SavedQuery {
  readonly name: string;
  readonly description: string;
  readonly sql: string;
}

/** Months since year 0 of a YYYY-MM billing period, to compare months in both engines alike. */
const MONTH_INDEX = `(CAST(substr(billing_period, 1, 4) AS INTEGER) * 12 + CAST(substr(billing_period, 6, 2) AS INTEGER))`;
const LAST_12_MONTHS = `${MONTH_INDEX} > year(current_date) * 12 + month(current_date) - 12`;

export const SAVED_QUERIES: readonly SavedQuery[] = [
  {
    name: 'cost-by-org-by-month',
    description: 'Billed cost and ACUs by org and by month, for the last 12 months',
    sql: `SELECT billing_period,
       coalesce(subaccountname, '(no org)') AS org,
       count(resourceid) AS sessions,
       CAST(sum(pricingquantity) AS DECIMAL(18, 2)) AS acus,
       CAST(sum(billedcost) AS DECIMAL(18, 2)) AS billed_cost,
       max(billingcurrency) AS currency
FROM devin_focus
WHERE ${LAST_12_MONTHS}
GROUP BY billing_period, coalesce(subaccountname, '(no org)')
ORDER BY billing_period, billed_cost DESC, org`,
  },
  {
    name: 'cost-by-cost-centre',
    description:
      'Billed cost by cost centre and month, last 12 months (all "(none)" until reports carry cost centres)',
    sql: `SELECT billing_period,
       coalesce(x_costcentre, '(none)') AS cost_centre,
       CAST(sum(billedcost) AS DECIMAL(18, 2)) AS billed_cost,
       max(billingcurrency) AS currency
FROM devin_focus
WHERE ${LAST_12_MONTHS}
GROUP BY billing_period, coalesce(x_costcentre, '(none)')
ORDER BY billing_period, billed_cost DESC, cost_centre`,
  },
  {
    name: 'top-users-last-year',
    description: 'The 20 users with the highest billed cost over the last 12 months',
    sql: `SELECT x_userid AS user_id,
       max(x_username) AS user_name,
       max(x_useremail) AS email,
       count(resourceid) AS sessions,
       CAST(sum(pricingquantity) AS DECIMAL(18, 2)) AS acus,
       CAST(sum(billedcost) AS DECIMAL(18, 2)) AS billed_cost
FROM devin_focus
WHERE x_userid IS NOT NULL AND ${LAST_12_MONTHS}
GROUP BY x_userid
ORDER BY billed_cost DESC, user_id
LIMIT 20`,
  },
  {
    name: 'month-over-month',
    description: 'Billed cost per month with the change against the month before',
    sql: `SELECT billing_period,
       CAST(sum(billedcost) AS DECIMAL(18, 2)) AS billed_cost,
       CAST(sum(billedcost) - lag(sum(billedcost)) OVER (ORDER BY billing_period) AS DECIMAL(18, 2)) AS change,
       round(100 * CAST(sum(billedcost) - lag(sum(billedcost)) OVER (ORDER BY billing_period) AS DOUBLE)
             / nullif(CAST(lag(sum(billedcost)) OVER (ORDER BY billing_period) AS DOUBLE), 0), 1) AS change_percent
FROM devin_focus
GROUP BY billing_period
ORDER BY billing_period`,
  },
  {
    name: 'with-aws-focus',
    description:
      "Devin beside AWS's own FOCUS 1.2 export by month and service (needs a table aws_focus over the AWS export)",
    sql: `WITH all_costs AS (
  SELECT billing_period, servicename, serviceprovidername, CAST(billedcost AS DOUBLE) AS billedcost, billingcurrency
  FROM devin_focus
  UNION ALL
  SELECT billing_period, servicename, 'AWS' AS serviceprovidername, billedcost, billingcurrency
  FROM aws_focus
)
SELECT billing_period, serviceprovidername AS provider, servicename AS service,
       round(sum(billedcost), 2) AS billed_cost, max(billingcurrency) AS currency
FROM all_costs
GROUP BY billing_period, serviceprovidername, servicename
ORDER BY billing_period, billed_cost DESC`,
  },
];

export function savedQuery(name: string): SavedQuery | undefined {
  return SAVED_QUERIES.find((q) => q.name === name);
}
