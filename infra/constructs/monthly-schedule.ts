import { Duration, TimeZone } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  ContextAttribute,
  Schedule,
  ScheduleExpression,
  ScheduleGroup,
  ScheduleTargetInput,
} from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledgeWildcardResources } from '../nag/acknowledge-wildcard-resources.js';
import { acknowledgeNist, NIST_REASONS } from '../nag/nist-acknowledgements.js';

/** The payload that tells the handler this is the scheduled monthly run, and when it was due. */
export const SCHEDULED_EVENT_SOURCE = 'devin-chargeback.schedule';

export interface MonthlyScheduleProps {
  readonly target: IFunction;
  /** `cron(...)`, already validated by the config. */
  readonly expression: string;
  readonly timeZone: string;
  /** Events the Scheduler could not deliver after its retries. */
  readonly deadLetterQueue: IQueue;
  /** The daily catch-up's `cron(...)`, fired in UTC. */
  readonly catchUpExpression: string;
}

export class MonthlySchedule extends Construct {
  /** A group of its own, so the schedule's metrics are not mixed with other schedules in the account. */
  readonly group: ScheduleGroup;
  readonly schedule: Schedule;
  readonly catchUp: Schedule;

  constructor(scope: Construct, id: string, props: MonthlyScheduleProps) {
    super(scope, id);
    this.group = new ScheduleGroup(this, 'Group');
    const role = new Role(this, 'InvokeRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com'),
      description: 'Lets the monthly schedule invoke the chargeback report function',
    });
    acknowledgeNist(role, 'IAMNoInlinePolicy', NIST_REASONS.inlinePolicy);
    acknowledgeWildcardResources(role, [
      {
        resource: `${props.target.functionArn}:*`,
        reason:
          "LambdaInvoke's grantInvoke also covers this one function's versions and aliases; nothing else is reachable.",
      },
    ]);
    const target = (kind: 'monthly' | 'catch-up') =>
      new LambdaInvoke(props.target, {
        input: ScheduleTargetInput.fromObject({
          source: SCHEDULED_EVENT_SOURCE,
          kind,
          // The due time, not the delivery time: a retried delivery still reports the same month.
          scheduledTime: ContextAttribute.scheduledTime,
        }),
        role,
        deadLetterQueue: props.deadLetterQueue,
        // Delivery failures are transient service errors; a report a few hours late is fine, a lost one is not.
        retryAttempts: 10,
        maxEventAge: Duration.hours(6),
      });
    this.schedule = new Schedule(this, 'Schedule', {
      description: 'Monthly Devin ACU chargeback report for the previous month',
      scheduleGroup: this.group,
      // Evaluated in its zone, so a given "06:00 on the 1st" is local time in every season.
      schedule: ScheduleExpression.expression(props.expression, TimeZone.of(props.timeZone)),
      target: target('monthly'),
    });
    // Closes a month whose monthly run failed or came too early, once it may; a no-op once it is
    // closed. Its daily word is the heartbeat the PeriodNotClosed alarm watches.
    this.catchUp = new Schedule(this, 'CatchUp', {
      description: 'Daily catch-up: closes the previous period if it is not closed yet',
      scheduleGroup: this.group,
      schedule: ScheduleExpression.expression(props.catchUpExpression, TimeZone.of('UTC')),
      target: target('catch-up'),
    });
  }
}
