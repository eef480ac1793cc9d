import { Duration, Validations } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { CLOSE_OVERDUE_METRIC } from '#aws/close-overdue-metric.js';
import { KEY_EXPIRY_METRIC } from '#aws/key-expiry-metric.js';
import { RECOVERY_EVENT } from '#chargeback/manual-event-for.js';
import { acknowledgeNist } from '../nag/nist-acknowledgements.js';

export interface FailureAlarmsProps {
  readonly function: IFunction;
  readonly failedRuns: IQueue;
  readonly scheduleGroup: IScheduleGroup;
  /** Subscribed to the alarm topic when set (the address must confirm the subscription). */
  readonly alarmEmail?: string | undefined;
  /** The distributed run's state machine, when the stack has one: a failed execution is a lost month too. */
  readonly stateMachine?: IStateMachine | undefined;
  /** Hours after a period may close before the heartbeat counts it overdue (HEARTBEAT_HOURS). */
  readonly heartbeatHours: number;
  /** The stack key: the topic is encrypted with it (its policy lets CloudWatch alarms publish). */
  readonly encryptionKey?: IKey | undefined;
}

const PERIOD = Duration.minutes(5);

/**
 * Makes every way a month can go missing raise an alarm: the function failed,
 * a failed run is waiting in the queue, or the Scheduler could not deliver.
 */
export class FailureAlarms extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: FailureAlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', {
      displayName: 'Devin chargeback report failures',
      enforceSSL: true,
      ...(props.encryptionKey && { masterKey: props.encryptionKey }),
    });
    if (props.encryptionKey === undefined) {
      const reason =
        'Alarm notifications carry only alarm names and states. CloudWatch cannot publish to a topic under the ' +
        'AWS-managed SNS key; set encryptionKey for a customer-managed key, whose policy lets CloudWatch publish.';
      Validations.of(this.topic).acknowledge({ id: 'AwsSolutions-SNS2', reason });
      acknowledgeNist(this.topic, 'SNSEncryptedKMS', reason);
    }
    if (props.alarmEmail !== undefined) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));

    this.alarm('FunctionErrors', {
      metric: props.function.metricErrors({ period: PERIOD, statistic: 'Sum' }),
      description:
        'The chargeback report function failed (error or timeout). See its log group for the stage.',
    });
    this.alarm('FailedRunsWaiting', {
      metric: props.failedRuns.metricApproximateNumberOfMessagesVisible({
        period: PERIOD,
        statistic: 'Maximum',
      }),
      description: `A report run failed or could not be delivered; its event is in the failed-runs queue. Once the cause is fixed, invoke ${RECOVERY_EVENT} for that month.`,
    });
    this.alarm('ScheduleFailures', {
      metric: new MathExpression({
        expression: 'FILL(targetErrors, 0) + FILL(dropped, 0) + FILL(failedToDlq, 0)',
        usingMetrics: {
          targetErrors: props.scheduleGroup.metricTargetErrors({ period: PERIOD, statistic: 'Sum' }),
          dropped: props.scheduleGroup.metricDropped({ period: PERIOD, statistic: 'Sum' }),
          failedToDlq: props.scheduleGroup.metricFailedToBeSentToDLQ(undefined, {
            period: PERIOD,
            statistic: 'Sum',
          }),
        },
        period: PERIOD,
        label: 'Scheduler target errors, dropped and undeliverable events',
      }),
      description: 'EventBridge Scheduler could not invoke the chargeback report function.',
    });
    this.alarm('DevinKeyExpiring', {
      metric: new Metric({
        namespace: KEY_EXPIRY_METRIC.namespace,
        metricName: KEY_EXPIRY_METRIC.name,
        period: PERIOD,
        statistic: 'Maximum',
      }),
      description:
        'The Devin API key recorded in the secret expires within 35 days (or has expired). Generate a new key for the service user and put it, with its expiresAt, into the secret.',
    });
    // The heartbeat: silence here is not success. The daily catch-up says each day whether the
    // period is closed; two days of "overdue", or of no word at all, raise it.
    this.alarm('PeriodNotClosed', {
      metric: new Metric({
        namespace: CLOSE_OVERDUE_METRIC.namespace,
        metricName: CLOSE_OVERDUE_METRIC.name,
        period: Duration.days(1),
        statistic: 'Maximum',
      }),
      description: `No close record exists for the period ${props.heartbeatHours} hours after it could close, or the daily catch-up has not run for two days. See the function's log for the run, then send the recovery event {"month":"YYYY-MM","close":true}.`,
      evaluationPeriods: 2,
      treatMissingData: TreatMissingData.BREACHING,
    });
    if (props.stateMachine) {
      const sm = props.stateMachine;
      this.alarm('DistributedRunFailures', {
        metric: new MathExpression({
          expression: 'FILL(failed, 0) + FILL(timedOut, 0) + FILL(aborted, 0)',
          usingMetrics: {
            failed: sm.metricFailed({ period: PERIOD, statistic: 'Sum' }),
            timedOut: sm.metricTimedOut({ period: PERIOD, statistic: 'Sum' }),
            aborted: sm.metricAborted({ period: PERIOD, statistic: 'Sum' }),
          },
          period: PERIOD,
          label: 'Distributed runs failed, timed out or aborted',
        }),
        description: `A distributed chargeback run (a month too big for one invocation) failed: no report, no email. See the state machine execution, then invoke ${RECOVERY_EVENT} for that month.`,
      });
    }
  }

  private alarm(
    id: string,
    props: {
      metric: IMetric;
      description: string;
      evaluationPeriods?: number;
      treatMissingData?: TreatMissingData;
    },
  ): Alarm {
    const alarm = new Alarm(this, id, {
      metric: props.metric,
      alarmDescription: props.description,
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: props.evaluationPeriods ?? 1,
      // Silence is the normal state of a failure metric: no data means nothing failed.
      treatMissingData: props.treatMissingData ?? TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    return alarm;
  }
}
